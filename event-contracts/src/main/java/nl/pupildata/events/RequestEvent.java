package nl.pupildata.events;


/** Events on {@code pupil-data.requests}, produced by request-service. */
public sealed interface RequestEvent extends PupilDataEvent
        permits RequestReceived, RequestAcknowledged, DossierReviewed, AnswerDrafted, AnswerReviewed,
        GuardiansInformed, GuardianInspectionHeld, InformationShared, DeliveryConfirmed, OtherGuardianNotified,
        CorrectionRequested, StatementAdded, NextSchoolContactAdded, RequestRefused, ResearchDecided, RequestWithdrawn,
        RequestClosed, ConsultationRequested, ConsultationAnswered, WarmHandoverRequested, CorrectionDecided,
        AccessCopySent, GuardiansCorrected, LetterIssued, PersonalDataErased {
}
