package nl.pupildata.events.model;

/** Written consent: an e-mail from the guardian or a signature on paper (G-3). */
public enum ConsentEvidence {
    EMAIL, SIGNATURE
}
