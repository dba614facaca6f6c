package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** One fixed example of every event type, for the JSON snapshots. */
final class SampleEvents {

    static final UUID REQUEST = UUID.fromString("0b6c2a9e-4f0d-4a53-9d0e-2f1f7f3c2a11");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final String STAFF = "director@12AB";

    private SampleEvents() {
    }

    static PupilDataEvent of(EventType type) {
        return switch (type) {
            case REQUEST_RECEIVED -> new RequestReceived(REQUEST, STAFF, "12AB", RequestKind.PARENT_ACCESS, DAY,
                    ReceivedVia.EMAIL, "P-1001", 4, false,
                    List.of(new GuardianRef("g1", true), new GuardianRef("g2", true)), true,
                    RequesterCategory.GUARDIAN, "g1", AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null);
            case REQUEST_ACKNOWLEDGED -> new RequestAcknowledged(REQUEST, STAFF, DAY.plusDays(14), true);
            case DOSSIER_REVIEWED -> new DossierReviewed(REQUEST, STAFF, true, true);
            case ANSWER_DRAFTED -> new AnswerDrafted(REQUEST, STAFF);
            case ANSWER_REVIEWED -> new AnswerReviewed(REQUEST, "coordinator@12AB");
            case GUARDIANS_INFORMED -> new GuardiansInformed(REQUEST, STAFF, DAY);
            case GUARDIAN_INSPECTION_HELD -> new GuardianInspectionHeld(REQUEST, STAFF, DAY, false, true);
            case INFORMATION_SHARED -> new InformationShared(REQUEST, STAFF, ShareChannel.OSO, DAY,
                    List.of(OsoSection.TOETSRESULTATEN, OsoSection.VERZUIM), ExemptionGround.STATUTORY_TRANSFER);
            case DELIVERY_CONFIRMED -> new DeliveryConfirmed(REQUEST, STAFF);
            case OTHER_GUARDIAN_NOTIFIED -> new OtherGuardianNotified(REQUEST, STAFF, "g2");
            case CORRECTION_REQUESTED -> new CorrectionRequested(REQUEST, STAFF);
            case STATEMENT_ADDED -> new StatementAdded(REQUEST, STAFF);
            case NEXT_SCHOOL_CONTACT_ADDED -> new NextSchoolContactAdded(REQUEST, "coordinator@12AB");
            case REQUEST_REFUSED -> new RequestRefused(REQUEST, STAFF, true, "Veiligheid van het kind",
                    List.of(Consultation.SAFEGUARDING_OFFICER, Consultation.QUALITY_OFFICER));
            case RESEARCH_DECIDED -> new ResearchDecided(REQUEST, STAFF, ResearchDecision.DECLINE,
                    "Geen ethische toetsing");
            case REQUEST_WITHDRAWN -> new RequestWithdrawn(REQUEST, STAFF);
            case REQUEST_CLOSED -> new RequestClosed(REQUEST, STAFF, DAY.plusDays(20));
            case CONSULTATION_REQUESTED -> new ConsultationRequested(REQUEST, STAFF,
                    UUID.fromString("5d1f0c6e-8b7a-4e2f-9c3d-1a2b3c4d5e6f"), Consultation.QUALITY_OFFICER);
            case CONSULTATION_ANSWERED -> new ConsultationAnswered(REQUEST, "officer@board",
                    UUID.fromString("5d1f0c6e-8b7a-4e2f-9c3d-1a2b3c4d5e6f"), Consultation.QUALITY_OFFICER,
                    DAY.plusDays(2));
            case WARM_HANDOVER_REQUESTED -> new WarmHandoverRequested(REQUEST, STAFF, TransferSide.RECEIVING_SCHOOL);
            case CORRECTION_DECIDED -> new CorrectionDecided(REQUEST, STAFF, CorrectionOutcome.PARTLY_MADE);
            case ACCESS_COPY_SENT -> new AccessCopySent(REQUEST, "coordinator@12AB", DAY.plusDays(3));
            case LETTER_ISSUED -> new LetterIssued(REQUEST, STAFF, LetterKind.ACKNOWLEDGEMENT, 1, "g1",
                    LetterChannel.SECURE_MAIL);
            case PERSONAL_DATA_ERASED -> new PersonalDataErased(REQUEST, "request-service", DAY.plusYears(2));
            case GUARDIANS_CORRECTED -> new GuardiansCorrected(REQUEST, STAFF,
                    List.of(new GuardianRef("g1", true), new GuardianRef("g2", false)), true);
            case CONSENT_REQUIREMENT_DETERMINED -> new ConsentRequirementDetermined(REQUEST, "consent-service",
                    ConsentRequirement.ALL_WITH_AUTHORITY, List.of("g1", "g2"));
            case CONSENT_REQUESTED -> new ConsentRequested(REQUEST, STAFF, "g1",
                    "Leesniveau en toetsresultaten van groep 4");
            case CONSENT_GRANTED -> new ConsentGranted(REQUEST, STAFF, "g1", ConsentEvidence.EMAIL, "mail-2026-11-03");
            case CONSENT_REFUSED -> new ConsentRefused(REQUEST, STAFF, "g2");
            case CONSENT_WITHDRAWN -> new ConsentWithdrawn(REQUEST, STAFF, "g1");
            case CONSENT_EXEMPTION_GRANTED -> new ConsentExemptionGranted(REQUEST, "officer@board",
                    ExemptionGround.SAFEGUARDING, true, "Duidelijke signalen van onveiligheid");
            case CONSENT_SATISFIED -> new ConsentSatisfied(REQUEST, "consent-service", false);
            case CONSENT_LAPSED -> new ConsentLapsed(REQUEST, "consent-service", "g1");
            case DEADLINE_SET -> new DeadlineSet(REQUEST, "deadline-service", "12AB", DAY, DAY.plusWeeks(4));
            case DEADLINE_EXTENDED -> new DeadlineExtended(REQUEST, "privacy@board", 1, LocalDate.of(2026, 12, 30),
                    "Dossier bij externe partij opgevraagd", DAY.plusDays(20));
            case DEADLINE_DUE_SOON -> new DeadlineDueSoon(REQUEST, "deadline-service", DAY.plusWeeks(4));
            case DEADLINE_MISSED -> new DeadlineMissed(REQUEST, "deadline-service", DAY.plusWeeks(4));
            case DEADLINE_MET -> new DeadlineMet(REQUEST, STAFF, DAY.plusDays(20), DAY.plusWeeks(4), true);
            case DEADLINE_CANCELLED -> new DeadlineCancelled(REQUEST, STAFF);
        };
    }
}
