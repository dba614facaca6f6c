package nl.pupildata.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.Consultation;
import nl.pupildata.events.model.RequestStatus;
import nl.pupildata.events.model.ShareChannel;
import org.junit.jupiter.api.Test;

class RequestStatusTest {

    static final UUID ID = SampleEvents.REQUEST;

    @Test
    void theOneStatusMachine() {
        RequestStatus s = RequestStatus.after(null, (RequestEvent) SampleEvents.of(EventType.REQUEST_RECEIVED));
        assertEquals(RequestStatus.RECEIVED, s);
        assertEquals(RequestStatus.RECEIVED, RequestStatus.after(s, new DeliveryConfirmed(ID, "d")),
                "a confirmation changes nothing");
        s = RequestStatus.after(s, new DossierReviewed(ID, "kc", true, true));
        assertEquals(RequestStatus.IN_PROGRESS, s);
        assertEquals(RequestStatus.IN_PROGRESS, RequestStatus.after(s, new RequestRefused(ID, "d", true, "r",
                List.of(Consultation.QUALITY_OFFICER))));
        s = RequestStatus.after(s, new InformationShared(ID, "d", ShareChannel.SECURE_MAIL, LocalDate.now(),
                List.of(), null));
        assertEquals(RequestStatus.ANSWERED, s);
        s = RequestStatus.after(s, new RequestClosed(ID, "d", LocalDate.now()));
        assertEquals(RequestStatus.CLOSED, s);
        assertEquals(RequestStatus.CLOSED, RequestStatus.after(s, new RequestWithdrawn(ID, "d")), "final");
        assertEquals(RequestStatus.REFUSED, RequestStatus.after(RequestStatus.IN_PROGRESS,
                new RequestRefused(ID, "d", false, "r", List.of(Consultation.QUALITY_OFFICER))));
    }
}
