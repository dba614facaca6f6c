package nl.pupildata.events.model;

/**
 * What a consent is for: the request itself (absent on the wire, as before this field existed), or a purpose of its
 * own that the card asks a separate consent for — SWV-5: adding the next school's contact person to the support file.
 */
public enum ConsentPurpose {
    REQUEST, NEXT_SCHOOL_CONTACT;

    /** The purpose an event or command is about: none given is the request itself. */
    public static ConsentPurpose of(ConsentPurpose purpose) {
        return purpose == null ? REQUEST : purpose;
    }

    /** How an event carries it: the request's own consent without the field, so older consumers read it unchanged. */
    public ConsentPurpose onTheWire() {
        return this == REQUEST ? null : this;
    }
}
