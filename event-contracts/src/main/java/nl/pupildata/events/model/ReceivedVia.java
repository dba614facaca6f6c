package nl.pupildata.events.model;

/** How a request reached the school. */
public enum ReceivedVia {
    EMAIL, LETTER, PHONE, OSO, IN_PERSON
}
