package nl.pupildata.events.model;

/** Who asked, as a category (never a name). */
public enum RequesterCategory {
    GUARDIAN, PRIMARY_SCHOOL, SECONDARY_SCHOOL, SUPPORT_PARTNERSHIP, EXTERNAL_PROFESSIONAL, SCHOOL_ITSELF, RESEARCHER
}
