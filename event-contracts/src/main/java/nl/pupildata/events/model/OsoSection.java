package nl.pupildata.events.model;

/** Sections of the OSO transfer file (OSO-2). */
public enum OsoSection {
    VVE, ONDERWIJSONDERSTEUNING, VERZUIM, DOORSTROOMTOETS, TOETSRESULTATEN, HANDELINGSPLANNEN, BIJLAGEN
}
