package nl.pupildata.events.model;

/** A guardian as events know them: an id and whether they hold parental authority. No name, no e-mail. */
public record GuardianRef(String id, boolean hasAuthority) {
}
