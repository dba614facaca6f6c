package nl.pupildata.events.model;

/** The channel through which information was given. */
public enum ShareChannel {
    SECURE_MAIL, PHONE, OSO, INSPECTION_AT_SCHOOL, SUPPORT_FILE
}
