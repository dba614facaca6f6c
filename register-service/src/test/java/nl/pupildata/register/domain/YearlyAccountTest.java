package nl.pupildata.register.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import org.junit.jupiter.api.Test;

/** The yearly account counted from folded register entries: every figure the quality officer reports (PA-5). */
class YearlyAccountTest {

    static final SchoolYear YEAR = SchoolYear.parse("2026-2027").orElseThrow();
    static final LocalDate COUNTED_ON = LocalDate.of(2026, 11, 30);

    /** One request's events, folded as the register folds them. */
    static final class Request {
        final UUID id = UUID.randomUUID();
        final List<EventEnvelope> timeline = new ArrayList<>();
        final Instant start = Instant.parse("2026-08-01T08:00:00Z");

        Request(String school, RequestKind kind, LocalDate receivedOn, String pupil) {
            add(new RequestReceived(id, "director", school, kind, receivedOn, ReceivedVia.EMAIL, pupil, 4, false,
                    List.of(new GuardianRef("g1", true), new GuardianRef("g2", true)), false,
                    RequesterCategory.GUARDIAN, "g1", AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null));
        }

        Request add(PupilDataEvent event) {
            timeline.add(new EventEnvelope(UUID.randomUUID(), start.plusSeconds(timeline.size()), event));
            return this;
        }

        Request term(LocalDate received, LocalDate due) {
            return add(new DeadlineSet(id, "deadline-service", "12AB", received, due));
        }

        Request extended(int number, LocalDate newDue) {
            return add(new DeadlineExtended(id, "privacy", number, newDue, "reden", newDue.minusDays(40)));
        }

        Request shared(LocalDate on) {
            return add(new InformationShared(id, "director", ShareChannel.SECURE_MAIL, on, List.of(), null));
        }

        Request met(LocalDate on, LocalDate due, boolean within) {
            return add(new DeadlineMet(id, "director", on, due, within));
        }

        RegisterFold.Summary fold() {
            return RegisterFold.fold(id, timeline);
        }
    }

    static final LocalDate SEP1 = LocalDate.of(2026, 9, 1);

    YearlyAccount.Account account() {
        Request sharedInTime = new Request("12AB", RequestKind.PARENT_ACCESS, SEP1, "P-1")
                .term(SEP1, SEP1.plusWeeks(4)).extended(1, SEP1.plusWeeks(4).plusMonths(1)).shared(SEP1.plusDays(40))
                .met(SEP1.plusDays(40), SEP1.plusWeeks(4).plusMonths(1), true);
        LocalDate oct1 = LocalDate.of(2026, 10, 1);
        Request openPastDue = new Request("12AB", RequestKind.PARENT_ACCESS, oct1, "P-2").term(oct1, oct1.plusWeeks(4))
                .add(new ConsentRefused(UUID.randomUUID(), "office", "g1"))
                .add(new ConsentWithdrawn(UUID.randomUUID(), "office", "g2"));
        LocalDate mar1 = LocalDate.of(2027, 3, 1);
        Request refusedThirdParty = new Request("34CD", RequestKind.THIRD_PARTY, mar1, "P-1")
                .add(new ConsentExemptionGranted(UUID.randomUUID(), "quality", ExemptionGround.SAFEGUARDING, true,
                        "veiligheid"))
                .add(new RequestRefused(UUID.randomUUID(), "director", false, "reden",
                        List.of(Consultation.QUALITY_OFFICER)));
        LocalDate oct5 = LocalDate.of(2026, 10, 5);
        Request declinedResearch = new Request("12AB", RequestKind.RESEARCH, oct5, "P-3")
                .add(new ResearchDecided(UUID.randomUUID(), "director", ResearchDecision.DECLINE, "geen tijd"))
                .add(new RequestClosed(UUID.randomUUID(), "director", oct5.plusDays(3)));
        LocalDate aug20 = LocalDate.of(2026, 8, 20);
        Request partlyRefusedLate = new Request("12AB", RequestKind.PARENT_ACCESS, aug20, "P-4")
                .term(aug20, aug20.plusWeeks(4)).extended(1, aug20.plusWeeks(4).plusMonths(1))
                .extended(2, aug20.plusWeeks(4).plusMonths(2))
                .add(new RequestRefused(UUID.randomUUID(), "director", true, "deel",
                        List.of(Consultation.QUALITY_OFFICER, Consultation.SAFEGUARDING_OFFICER)))
                .shared(aug20.plusDays(100)).add(new RequestRefused(UUID.randomUUID(), "director", true, "deel",
                        List.of(Consultation.QUALITY_OFFICER, Consultation.SAFEGUARDING_OFFICER)))
                .met(aug20.plusDays(100), aug20.plusWeeks(4).plusMonths(2), false);
        Request lastYear = new Request("12AB", RequestKind.PARENT_ACCESS, LocalDate.of(2026, 7, 31), "P-1");
        Request notYetReceived = new Request("12AB", RequestKind.PARENT_ACCESS, SEP1, "P-9");
        notYetReceived.timeline.remove(0);
        notYetReceived.term(SEP1, SEP1.plusWeeks(4));

        YearlyAccount.Counter counter = new YearlyAccount.Counter(YEAR, COUNTED_ON);
        for (Request r : List.of(sharedInTime, openPastDue, refusedThirdParty, declinedResearch, partlyRefusedLate,
                lastYear, notYetReceived)) {
            counter.add(r.fold());
        }
        return counter.account(true);
    }

    @Test
    void pa5_onlyTheRequestsReceivedInTheSchoolYearAreCounted_perSchoolAndTogether() {
        YearlyAccount.Account a = account();
        assertEquals("2026-2027", a.schoolYear());
        assertEquals(LocalDate.of(2026, 8, 1), a.firstDay());
        assertEquals(LocalDate.of(2027, 7, 31), a.lastDay());
        assertEquals(5, a.total().received(), "31 July belongs to the year before; an entry not yet received is not");
        assertEquals(List.of("12AB", "34CD"), a.schools().stream().map(YearlyAccount.Figures::school).toList());
        assertEquals(4, a.schools().get(0).received());
        assertEquals(1, a.schools().get(1).received());
        assertNull(a.total().school());
    }

    @Test
    void requestsByKindAndOutcome() {
        List<YearlyAccount.KindRow> kinds = account().total().kinds();
        assertEquals(List.of("PARENT_ACCESS", "THIRD_PARTY", "RESEARCH"),
                kinds.stream().map(YearlyAccount.KindRow::kind).toList(), "in the contract's order, only those seen");
        YearlyAccount.KindRow access = kinds.get(0);
        assertEquals(3, access.received());
        assertEquals(Map.of("SHARED", 1L, "PARTIALLY_REFUSED", 1L, "REFUSED", 0L, "WITHDRAWN", 0L, "CLOSED", 0L,
                "OPEN", 1L), access.outcomes());
        assertEquals(List.of("SHARED", "PARTIALLY_REFUSED", "REFUSED", "WITHDRAWN", "CLOSED", "OPEN"),
                List.copyOf(access.outcomes().keySet()), "every outcome, in one order");
        assertEquals(1L, kinds.get(1).outcomes().get("REFUSED"));
        assertEquals(1L, kinds.get(2).outcomes().get("CLOSED"), "research closed without anything shared");
    }

    @Test
    void pa4_theShareAnsweredWithinTheTerm_countsTheOpenOnesWhoseTermIsOver() {
        YearlyAccount.Term t = account().total().term();
        assertEquals(3, t.withTerm());
        assertEquals(2, t.answered());
        assertEquals(1, t.withinTerm());
        assertEquals(1, t.late());
        assertEquals(1, t.openPastDue(), "due 29 October, counted on 30 November, still open");
        assertEquals(33, t.withinTermPercent(), "1 within of 2 answered + 1 open after its term");
        assertNull(new YearlyAccount.Counter(YEAR, COUNTED_ON).account(true).total().term().withinTermPercent(),
                "no share when nothing is settled");
    }

    @Test
    void pa6_extensions() {
        YearlyAccount.Extensions x = account().total().extensions();
        assertEquals(2, x.requestsExtended());
        assertEquals(3, x.extensions());
        assertEquals(1, x.extendedTwice());
    }

    @Test
    void refusalsByTheRuleTheyRestOn() {
        List<YearlyAccount.RefusalRow> refusals = account().total().refusals();
        assertEquals(List.of("G-11", "G-12", "PA-12"),
                refusals.stream().map(YearlyAccount.RefusalRow::rule).sorted().toList());
        YearlyAccount.RefusalRow pa12 = refusals.stream().filter(r -> r.rule().equals("PA-12")).findFirst()
                .orElseThrow();
        assertEquals(0, pa12.whole());
        assertEquals(2, pa12.partial(), "each partial refusal counts");
        YearlyAccount.RefusalRow g11 = refusals.stream().filter(r -> r.rule().equals("G-11")).findFirst()
                .orElseThrow();
        assertEquals(1, g11.whole());
        assertFalse(g11.gist().isBlank(), "the rule's Dutch gist goes with it");
    }

    @Test
    void consentsRefusedOrWithdrawn_andExemptions() {
        YearlyAccount.Figures f = account().total();
        assertEquals(new YearlyAccount.Consents(1, 1, 1), f.consents());
        assertEquals(List.of(new YearlyAccount.ExemptionRow("SAFEGUARDING", 1)), f.exemptions());
        assertEquals(List.of(), account().schools().get(0).exemptions(), "the exemption was at 34CD");
    }

    @Test
    void pa5_howOftenEachDossierWasRequested_mostFirst() {
        YearlyAccount.Account a = account();
        assertEquals(List.of(new YearlyAccount.PupilRow("P-1", 2), new YearlyAccount.PupilRow("P-2", 1),
                new YearlyAccount.PupilRow("P-3", 1), new YearlyAccount.PupilRow("P-4", 1)), a.total().pupils());
        assertEquals(new YearlyAccount.PupilRow("P-1", 1), a.schools().get(1).pupils().get(0),
                "per school, only that school's requests");
    }

    @Test
    void aSchoolYearRunsFromAugustFirstToJulyThirtyFirst() {
        assertEquals("2025-2026", SchoolYear.containing(LocalDate.of(2026, 7, 31)).name());
        assertEquals("2026-2027", SchoolYear.containing(LocalDate.of(2026, 8, 1)).name());
        assertTrue(SchoolYear.parse("2025-2027").isEmpty(), "two years that do not follow");
        assertTrue(SchoolYear.parse("2025").isEmpty());
        assertTrue(SchoolYear.parse("=1+1").isEmpty());
        assertEquals(List.of("2026-2027", "2025-2026", "2024-2025"),
                YEAR.since(LocalDate.of(2024, 9, 3)).stream().map(SchoolYear::name).toList());
    }
}
