package nl.pupildata.events.model;

import nl.pupildata.events.DeliveryConfirmed;
import nl.pupildata.events.InformationShared;
import nl.pupildata.events.LetterIssued;
import nl.pupildata.events.OtherGuardianNotified;
import nl.pupildata.events.PersonalDataErased;
import nl.pupildata.events.RequestClosed;
import nl.pupildata.events.RequestEvent;
import nl.pupildata.events.RequestReceived;
import nl.pupildata.events.RequestRefused;
import nl.pupildata.events.RequestWithdrawn;

/**
 * Where a request stands, as the REST contract and the register name it; the one status machine, followed by
 * request-service and by the register alike. CLOSED, WITHDRAWN and REFUSED are final.
 */
public enum RequestStatus {
    RECEIVED, IN_PROGRESS, ANSWERED, CLOSED, WITHDRAWN, REFUSED;

    public boolean isFinal() {
        return this == CLOSED || this == WITHDRAWN || this == REFUSED;
    }

    /**
     * The status after a request event ({@code null} before the first). A final status never changes; the first
     * handling step moves a received request into progress; information given answers it; a confirmation of
     * delivery or a notice to the other guardian changes nothing.
     */
    public static RequestStatus after(RequestStatus current, RequestEvent event) {
        if (event instanceof RequestReceived) {
            return current == null ? RECEIVED : current;
        }
        if (current == null || current.isFinal()) {
            return current;
        }
        RequestStatus progressed = current == RECEIVED ? IN_PROGRESS : current;
        return switch (event) {
            case InformationShared s -> ANSWERED;
            case RequestRefused r -> r.partial() ? progressed : REFUSED;
            case RequestWithdrawn w -> WITHDRAWN;
            case RequestClosed c -> CLOSED;
            case DeliveryConfirmed d -> current;
            case OtherGuardianNotified n -> current;
            case LetterIssued l -> current;
            case PersonalDataErased e -> current;
            default -> progressed;
        };
    }
}
