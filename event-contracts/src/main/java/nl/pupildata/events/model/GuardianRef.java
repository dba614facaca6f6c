package nl.pupildata.events.model;

import nl.pupildata.events.sealing.Sealed;

/** A guardian as events know them: an id and whether they hold parental authority. No name, no e-mail. */
public record GuardianRef(@Sealed String id, boolean hasAuthority) {
}
