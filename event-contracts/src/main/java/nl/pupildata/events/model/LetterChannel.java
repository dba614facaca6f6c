package nl.pupildata.events.model;

/** How a letter goes to the guardian: by secure mail as PDF (G-13), or printed and posted. */
public enum LetterChannel {
    SECURE_MAIL, POST
}
