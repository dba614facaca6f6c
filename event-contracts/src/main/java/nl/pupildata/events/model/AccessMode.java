package nl.pupildata.events.model;

/** How a guardian chose to read the dossier (PA-1). */
public enum AccessMode {
    INSPECTION_AT_SCHOOL, PDF_BY_SECURE_MAIL
}
