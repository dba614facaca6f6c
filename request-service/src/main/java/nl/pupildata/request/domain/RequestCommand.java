package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.Consultation;
import nl.pupildata.events.model.OsoSection;
import nl.pupildata.events.model.ResearchDecision;
import nl.pupildata.events.model.ShareChannel;

/** The handling steps of a request ({@code POST /requests/{id}/<step>}). */
public sealed interface RequestCommand {

    /** The words that go with the step and stay in request-service (G-1): none for most steps. */
    default String note() {
        return null;
    }

    /** PA-3. */
    record Acknowledge(LocalDate expectedOn) implements RequestCommand {
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

    /** Give information through a channel (or, for an outgoing inquiry, approach the organisation). */
    record Share(ShareChannel channel, String recipient, Boolean callbackVerified, List<String> staffPresent,
            List<Section> sections) implements RequestCommand {
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

    /** PA-11. */
    record AddStatement() implements RequestCommand {
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
