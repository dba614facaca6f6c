package nl.pupildata.events.model;

/** The officers a request's handler consults (G-9, G-11, PA-12, OSO-4); each answers as a user of that role. */
public enum Consultation {
    SAFEGUARDING_OFFICER, QUALITY_OFFICER
}
