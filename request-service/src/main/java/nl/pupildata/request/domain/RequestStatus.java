package nl.pupildata.request.domain;

/** Where a request stands. CLOSED, WITHDRAWN and REFUSED are final. */
public enum RequestStatus {
    RECEIVED, IN_PROGRESS, ANSWERED, CLOSED, WITHDRAWN, REFUSED;

    public boolean isFinal() {
        return this == CLOSED || this == WITHDRAWN || this == REFUSED;
    }
}
