package nl.pupildata.events.model;

/** The channel through which information was given ({@code WARM_HANDOVER}: a conversation between schools, VO-2). */
public enum ShareChannel {
    SECURE_MAIL, PHONE, OSO, INSPECTION_AT_SCHOOL, SUPPORT_FILE, WARM_HANDOVER
}
