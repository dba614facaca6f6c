package nl.pupildata.register.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import org.junit.jupiter.api.Test;

/** The register entry as a pure fold over a request's events in time order (PA-5). */
class RegisterFoldTest {

    static final UUID ID = UUID.randomUUID();
    static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    final List<EventEnvelope> timeline = new ArrayList<>();

    RegisterFoldTest at(int seconds, PupilDataEvent event) {
        timeline.add(new EventEnvelope(UUID.randomUUID(), T.plusSeconds(seconds), event));
        return this;
    }

    RegisterFold.Summary fold() {
        return RegisterFold.fold(ID, timeline);
    }

    static RequestReceived received() {
        return new RequestReceived(ID, "director", "12AB", RequestKind.PARENT_ACCESS, LocalDate.of(2026, 11, 2),
                ReceivedVia.EMAIL, "P-1", 4, false, List.of(new GuardianRef("g1", true)), false,
                RequesterCategory.GUARDIAN, "g1", AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null);
    }

    @Test
    void swv5_theNextSchoolContactsConsentIsNamedApart_andIsNotTheRequestsConsent() {
        at(0, received())
                .at(1, new ConsentGranted(ID, "kc", "g1", ConsentEvidence.EMAIL, "mail",
                        ConsentPurpose.NEXT_SCHOOL_CONTACT))
                .at(2, new ConsentSatisfied(ID, "consent-service", false, ConsentPurpose.NEXT_SCHOOL_CONTACT));
        RegisterFold.Summary s = fold();
        assertFalse(s.consentSatisfied(), "the request's own consent is not given");
        assertEquals("NEXT_SCHOOL_CONTACT_GRANTED", s.consents().get(0).type());
        at(3, new ConsentGranted(ID, "kc", "g1", ConsentEvidence.EMAIL, "mail"))
                .at(4, new ConsentSatisfied(ID, "consent-service", false));
        assertTrue(fold().consentSatisfied());
        assertEquals("GRANTED", fold().consents().get(1).type());
    }

    @Test
    void pa5_anAnsweredAndClosedRequestIsRecordedWithItsTermAndOutcome() {
        at(0, received())
                .at(1, new DeadlineSet(ID, "deadline-service", "12AB", LocalDate.of(2026, 11, 2),
                        LocalDate.of(2026, 11, 30)))
                .at(2, new DeadlineExtended(ID, "privacy", 1, LocalDate.of(2026, 12, 30), "reden",
                        LocalDate.of(2026, 11, 20)))
                .at(3, new DossierReviewed(ID, "kc", true, true))
                .at(4, new InformationShared(ID, "director", ShareChannel.SECURE_MAIL, LocalDate.of(2026, 12, 1),
                        List.of(), null))
                .at(5, new DeadlineMet(ID, "director", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 30), true))
                .at(6, new RequestClosed(ID, "director", LocalDate.of(2026, 12, 2)));
        RegisterFold.Summary s = fold();
        assertEquals("12AB", s.schoolBrin());
        assertEquals("P-1", s.pupilRef());
        assertEquals(RequestStatus.CLOSED, s.status());
        assertEquals("SHARED", s.outcome());
        assertEquals(LocalDate.of(2026, 12, 30), s.dueOn(), "the extended term");
        assertEquals(1, s.extensions().size());
        assertEquals(1, s.shares().size());
        assertEquals(LocalDate.of(2026, 12, 2), s.closedOn());
        assertEquals(Boolean.TRUE, s.metWithinTerm());
        assertEquals(T.plusSeconds(6), s.lastEventAt());
    }

    @Test
    void theStatusFollowsTheContractsStatusMachine() {
        at(0, received());
        assertEquals(RequestStatus.RECEIVED, fold().status());
        at(1, new RequestAcknowledged(ID, "director", LocalDate.of(2026, 11, 20)));
        assertEquals(RequestStatus.IN_PROGRESS, fold().status());
        at(2, new RequestRefused(ID, "director", true, "deels", List.of(Consultation.QUALITY_OFFICER)));
        assertEquals(RequestStatus.IN_PROGRESS, fold().status(), "a partial refusal leaves the rest to answer");
        assertEquals("PARTIALLY_REFUSED", fold().outcome());
        at(3, new RequestWithdrawn(ID, "director"));
        assertEquals(RequestStatus.WITHDRAWN, fold().status());
        at(4, new InformationShared(ID, "director", ShareChannel.SECURE_MAIL, LocalDate.of(2026, 11, 3), List.of(),
                null));
        assertEquals(RequestStatus.WITHDRAWN, fold().status(), "a final status never changes");
    }

    @Test
    void g5_consentFollowsTheLatestWordAndEveryLineIsKept() {
        at(0, received())
                .at(1, new ConsentRequirementDetermined(ID, "consent-service", ConsentRequirement.ONE_WITH_AUTHORITY,
                        List.of("g1")))
                .at(2, new ConsentGranted(ID, "kc", "g1", ConsentEvidence.EMAIL, "mail-1"))
                .at(3, new ConsentSatisfied(ID, "consent-service", false));
        assertTrue(fold().consentSatisfied());
        at(4, new ConsentWithdrawn(ID, "kc", "g1")).at(5, new ConsentLapsed(ID, "consent-service", "g1"));
        RegisterFold.Summary s = fold();
        assertFalse(s.consentSatisfied());
        assertEquals(List.of("GRANTED", "WITHDRAWN"), s.consents().stream().map(RegisterFold.ConsentLine::type).toList());
        assertEquals(ConsentRequirement.ONE_WITH_AUTHORITY, s.consentRequirement());
    }

    @Test
    void eventsOfOtherServicesBeforeTheReceiptStillFoldToTheSameEntry() {
        at(0, new DeadlineSet(ID, "deadline-service", "12AB", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30)));
        RegisterFold.Summary early = fold();
        assertNull(early.schoolBrin(), "not in the register until its receipt is known");
        at(1, received());
        assertEquals("12AB", fold().schoolBrin());
        assertEquals(LocalDate.of(2026, 11, 30), fold().dueOn());
        assertEquals(RequestStatus.RECEIVED, fold().status());
    }
}
