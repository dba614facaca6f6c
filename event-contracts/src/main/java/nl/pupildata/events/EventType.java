package nl.pupildata.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The wire identity of every event: a stable type string (the CloudEvents {@code type}), written here by
 * hand and never derived from a class name, the schema version of its JSON, and its topic. Renaming a
 * Java class changes nothing on the wire; changing a string here is a breaking change.
 */
public enum EventType {
    REQUEST_RECEIVED("RequestReceived", RequestReceived.class, Topic.REQUESTS),
    REQUEST_ACKNOWLEDGED("RequestAcknowledged", RequestAcknowledged.class, Topic.REQUESTS),
    DOSSIER_REVIEWED("DossierReviewed", DossierReviewed.class, Topic.REQUESTS),
    ANSWER_DRAFTED("AnswerDrafted", AnswerDrafted.class, Topic.REQUESTS),
    ANSWER_REVIEWED("AnswerReviewed", AnswerReviewed.class, Topic.REQUESTS),
    GUARDIANS_INFORMED("GuardiansInformed", GuardiansInformed.class, Topic.REQUESTS),
    GUARDIAN_INSPECTION_HELD("GuardianInspectionHeld", GuardianInspectionHeld.class, Topic.REQUESTS),
    INFORMATION_SHARED("InformationShared", InformationShared.class, Topic.REQUESTS),
    DELIVERY_CONFIRMED("DeliveryConfirmed", DeliveryConfirmed.class, Topic.REQUESTS),
    OTHER_GUARDIAN_NOTIFIED("OtherGuardianNotified", OtherGuardianNotified.class, Topic.REQUESTS),
    CORRECTION_REQUESTED("CorrectionRequested", CorrectionRequested.class, Topic.REQUESTS),
    STATEMENT_ADDED("StatementAdded", StatementAdded.class, Topic.REQUESTS),
    NEXT_SCHOOL_CONTACT_ADDED("NextSchoolContactAdded", NextSchoolContactAdded.class, Topic.REQUESTS),
    REQUEST_REFUSED("RequestRefused", RequestRefused.class, Topic.REQUESTS),
    RESEARCH_DECIDED("ResearchDecided", ResearchDecided.class, Topic.REQUESTS),
    REQUEST_WITHDRAWN("RequestWithdrawn", RequestWithdrawn.class, Topic.REQUESTS),
    REQUEST_CLOSED("RequestClosed", RequestClosed.class, Topic.REQUESTS),
    CONSULTATION_REQUESTED("ConsultationRequested", ConsultationRequested.class, Topic.REQUESTS),
    CONSULTATION_ANSWERED("ConsultationAnswered", ConsultationAnswered.class, Topic.REQUESTS),
    WARM_HANDOVER_REQUESTED("WarmHandoverRequested", WarmHandoverRequested.class, Topic.REQUESTS),
    CORRECTION_DECIDED("CorrectionDecided", CorrectionDecided.class, Topic.REQUESTS),
    ACCESS_COPY_SENT("AccessCopySent", AccessCopySent.class, Topic.REQUESTS),
    GUARDIANS_CORRECTED("GuardiansCorrected", GuardiansCorrected.class, Topic.REQUESTS),
    LETTER_ISSUED("LetterIssued", LetterIssued.class, Topic.REQUESTS),
    PERSONAL_DATA_ERASED("PersonalDataErased", PersonalDataErased.class, Topic.REQUESTS),

    CONSENT_REQUIREMENT_DETERMINED("ConsentRequirementDetermined", ConsentRequirementDetermined.class, Topic.CONSENTS),
    CONSENT_REQUESTED("ConsentRequested", ConsentRequested.class, Topic.CONSENTS),
    CONSENT_GRANTED("ConsentGranted", ConsentGranted.class, Topic.CONSENTS),
    CONSENT_REFUSED("ConsentRefused", ConsentRefused.class, Topic.CONSENTS),
    CONSENT_WITHDRAWN("ConsentWithdrawn", ConsentWithdrawn.class, Topic.CONSENTS),
    CONSENT_EXEMPTION_GRANTED("ConsentExemptionGranted", ConsentExemptionGranted.class, Topic.CONSENTS),
    CONSENT_SATISFIED("ConsentSatisfied", ConsentSatisfied.class, Topic.CONSENTS),
    CONSENT_LAPSED("ConsentLapsed", ConsentLapsed.class, Topic.CONSENTS),

    DEADLINE_SET("DeadlineSet", DeadlineSet.class, Topic.DEADLINES),
    DEADLINE_EXTENDED("DeadlineExtended", DeadlineExtended.class, Topic.DEADLINES),
    DEADLINE_DUE_SOON("DeadlineDueSoon", DeadlineDueSoon.class, Topic.DEADLINES),
    DEADLINE_MISSED("DeadlineMissed", DeadlineMissed.class, Topic.DEADLINES),
    DEADLINE_MET("DeadlineMet", DeadlineMet.class, Topic.DEADLINES),
    DEADLINE_CANCELLED("DeadlineCancelled", DeadlineCancelled.class, Topic.DEADLINES);

    /** Current schema version of every payload; raise it per type with an upcaster when a payload changes. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(EventType::typeName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toMap(EventType::eventClass, Function.identity()));

    private final String typeName;
    private final Class<? extends PupilDataEvent> eventClass;
    private final Topic topic;

    EventType(String typeName, Class<? extends PupilDataEvent> eventClass, Topic topic) {
        this.typeName = typeName;
        this.eventClass = eventClass;
        this.topic = topic;
    }

    public String typeName() {
        return typeName;
    }

    public Class<? extends PupilDataEvent> eventClass() {
        return eventClass;
    }

    public Topic topic() {
        return topic;
    }

    public int schemaVersion() {
        return CURRENT_SCHEMA_VERSION;
    }

    public static EventType of(PupilDataEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalStateException("No wire type registered for " + event.getClass().getName());
        }
        return type;
    }

    /** @throws UnknownEventTypeException when the name is not a known type (a poison message). */
    public static EventType ofName(String typeName) {
        EventType type = typeName == null ? null : BY_NAME.get(typeName);
        if (type == null) {
            throw new UnknownEventTypeException(typeName);
        }
        return type;
    }

    public static final class UnknownEventTypeException extends InvalidEventException {
        public UnknownEventTypeException(String typeName) {
            super("Unknown event type '" + typeName + "'");
        }
    }
}
