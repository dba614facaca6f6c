package nl.pupildata.events.model;

/** The board's research decision (G-12). */
public enum ResearchDecision {
    PARTICIPATE, DECLINE
}
