package nl.pupildata.events.model;

/** Standard (G-10) or complex (G-8) third-party situation. */
public enum Complexity {
    STANDARD, COMPLEX
}
