package nl.pupildata.events.model;

/** Who must consent (G-4). */
public enum ConsentRequirement {
    ALL_WITH_AUTHORITY, ONE_WITH_AUTHORITY, NONE
}
