package nl.pupildata.events.model;

/** PA-11: what became of a guardian's request to correct or complete the dossier. */
public enum CorrectionOutcome {
    MADE, PARTLY_MADE, REFUSED
}
