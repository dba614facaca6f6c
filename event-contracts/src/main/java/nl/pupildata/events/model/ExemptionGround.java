package nl.pupildata.events.model;

/** Grounds to share without consent: G-9 and OSO-4. */
public enum ExemptionGround {
    SAFEGUARDING, STATUTORY_TRANSFER
}
