package nl.pupildata.events.model;

/** The letters to guardians that request-service writes from the record (appendix II of the card has examples). */
public enum LetterKind {
    /** PA-3: receipt, the date to expect the dossier, the way of access; apart: the other guardian will be told. */
    ACKNOWLEDGEMENT,
    /** PA-9: to the other guardian with authority: the dossier was given, and the same is offered to them. */
    OTHER_GUARDIAN_NOTICE,
    /** PA-12: a whole or partial refusal, its reason, and where to object. */
    REFUSAL,
    /** OSO-5: the guardians are invited to see the transfer file first and may add their statement. */
    TRANSFER_FILE_INVITATION,
    /** G-10, OSO-3, VO-2, SWV: what information, to whom, for what, how to consent and to withdraw; per guardian. */
    CONSENT_REQUEST,
    /** PA-6: the term is extended: the new date and the reason, before the current term ends. */
    EXTENSION_NOTICE
}
