package nl.pupildata.events.model;

/** Officers consulted before a refusal (PA-12, G-11). */
public enum Consultation {
    SAFEGUARDING_OFFICER, QUALITY_OFFICER
}
