package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.Consultation;
import nl.pupildata.events.model.CorrectionOutcome;
import nl.pupildata.events.model.TransferSide;
import nl.pupildata.events.model.OsoSection;
import nl.pupildata.events.model.ResearchDecision;
import nl.pupildata.events.model.ShareChannel;

/** The handling steps of a request ({@code POST /requests/{id}/<step>}). */
public sealed interface RequestCommand {

    /** The words that go with the step and stay in request-service (G-1): none for most steps. */
    default String note() {
        return null;
    }

    /**
     * PA-3: the date the guardian can expect the dossier; guardians living apart: the requester was told that the
     * other guardian(s) with authority will be informed and offered the same dossier.
     */
    record Acknowledge(LocalDate expectedOn, Boolean otherGuardiansMentioned) implements RequestCommand {
        public Acknowledge(LocalDate expectedOn) {
            this(expectedOn, null);
        }
    }

    /** PA-7. */
    record Review(Boolean otherPupilsPseudonymised, Boolean homeSituationChecked) implements RequestCommand {
    }

    /** G-8c. */
    record DraftAnswer() implements RequestCommand {
    }

    /** G-8c: four eyes. */
    record ReviewAnswer() implements RequestCommand {
    }

    /** G-6, G-8d. */
    record InformGuardians(LocalDate on) implements RequestCommand {
    }

    /** OSO-5. */
    record RecordGuardianInspection(LocalDate on, Boolean agrees, Boolean statementAdded) implements RequestCommand {
    }

    /** A section of a transfer file with what OSO-2 asks about it. */
    record Section(OsoSection section, Boolean notable, LocalDate since, Boolean hadVve,
            Boolean coordinatedWithQualityCoordinator, Boolean recent, Boolean guardianApproval,
            Boolean containsOtherPupilNames) {
    }

    /**
     * Give information through a channel (or, for an outgoing inquiry, approach the organisation), with what the
     * staff member attests about it: other pupils and staff unreadable (G-7), the PDF exported from the pupil
     * administration (G-13), the caller called back (G-10), at an inspection the dossier open on the pupil and the
     * guardian never alone with an unlocked device (PA-10), for a support file the categories shared and that each
     * is relevant (SWV-1). {@code recipientGuardianId}: a guardian's dossier sent to the other guardian with authority
     * after the notice (PA-9); none is the requester. The names of the staff present and the categories stay in this
     * service (the note).
     */
    record Share(ShareChannel channel, String recipient, Boolean callbackVerified, List<String> staffPresent,
            List<Section> sections, Boolean otherPupilsPseudonymised, Boolean exportedFromPupilAdministration,
            Boolean dossierOpenOnPupil, Boolean neverLeftAlone, List<SupportCategory> categories,
            Boolean categoriesRelevant, String recipientGuardianId) implements RequestCommand {

        /** The fields most tests need, with nothing attested. */
        public Share(ShareChannel channel, String recipient, Boolean callbackVerified, List<String> staffPresent,
                List<Section> sections) {
            this(channel, recipient, callbackVerified, staffPresent, sections, null, null, null, null, null, null,
                    null);
        }

        @Override
        public String note() {
            List<String> lines = new java.util.ArrayList<>();
            if (staffPresent != null && !staffPresent.isEmpty()) {
                lines.add("Aanwezig: " + String.join(", ", staffPresent));
            }
            if (categories != null && !categories.isEmpty()) {
                lines.add("Categorieën: " + String.join(", ", categories.stream().map(Enum::name).toList()));
            }
            if (channel == ShareChannel.PHONE && Boolean.TRUE.equals(callbackVerified)) {
                lines.add("Beller gecontroleerd door terug te bellen naar het bekende nummer van de organisatie.");
            }
            return lines.isEmpty() ? null : String.join("\n", lines);
        }
    }

    /** SWV-1: what a support file may hold, each only when relevant to the support question (Topdossier). */
    enum SupportCategory {
        SUPPORT_QUESTION, LEARNING_RESULTS, EDUCATIONAL_NEEDS, SOCIAL_EMOTIONAL, ATTENDANCE, SUPPORT_GIVEN,
        EXTERNAL_REPORTS, HOME_SITUATION
    }

    /** PA-8. */
    record ConfirmDelivery() implements RequestCommand {
    }

    /** PA-9. */
    record NotifyOtherGuardian(String guardianId) implements RequestCommand {
    }

    /** PA-11. */
    record RequestCorrection(String description) implements RequestCommand {
        @Override
        public String note() {
            return description;
        }
    }

    /** PA-11: the director or KC decides on the correction asked for; the reason stays in this service. */
    record DecideCorrection(CorrectionOutcome outcome, String reason) implements RequestCommand {
        @Override
        public String note() {
            return reason;
        }
    }

    /** PA-11. */
    record AddStatement() implements RequestCommand {
    }

    /** VO-1: either school asks for a warm handover, any time before the transfer. */
    record AskWarmHandover(TransferSide askedBy) implements RequestCommand {
    }

    /** SWV-3: an access copy of the support file sent to the guardians, at any moment. */
    record SendAccessCopy(LocalDate on) implements RequestCommand {
    }

    /**
     * G-4 / G-5: the guardians, their authority and whether they live apart, corrected after intake. Names and
     * addresses stay in this service; the event carries ids and authority.
     */
    record CorrectGuardians(List<Intake.Guardian> guardians, Boolean guardiansLivingApart) implements RequestCommand {
    }

    /** SWV-5. */
    record AddNextSchoolContact() implements RequestCommand {
    }

    /**
     * PA-12, G-11: refuse, fully or in part. Which officers were consulted is not typed: the answered consultations
     * of the request say it.
     */
    record Refuse(Boolean partial, String reason) implements RequestCommand {
    }

    /**
     * G-9, G-11, PA-12, OSO-4: ask an officer for advice on this request ({@code consultationId} is new, made by
     * the caller of the domain; the question is kept in this service only).
     */
    record AskConsultation(UUID consultationId, Consultation officer, String question) implements RequestCommand {
        @Override
        public String note() {
            return question;
        }
    }

    /** The officer asked answers it, themselves: only a user of that role can (the advice is kept here only). */
    record AnswerConsultation(UUID consultationId, String advice, LocalDate on) implements RequestCommand {
        @Override
        public String note() {
            return advice;
        }
    }

    /** G-12. */
    record DecideResearch(ResearchDecision decision, String reason) implements RequestCommand {
    }

    record Withdraw() implements RequestCommand {
    }

    record Close() implements RequestCommand {
    }
}
