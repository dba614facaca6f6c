package nl.pupildata.events.model;

/** Which school of a transfer asked for something (VO-1: either may ask for a warm handover). */
public enum TransferSide {
    SENDING_SCHOOL, RECEIVING_SCHOOL
}
