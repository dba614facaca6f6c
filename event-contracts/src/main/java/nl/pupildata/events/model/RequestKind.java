package nl.pupildata.events.model;

/** The seven kinds of request for pupil data. */
public enum RequestKind {
    PARENT_ACCESS, SCHOOL_TRANSFER, SECONDARY_TRANSFER, SUPPORT_FILE, THIRD_PARTY, OUTGOING_INQUIRY, RESEARCH
}
