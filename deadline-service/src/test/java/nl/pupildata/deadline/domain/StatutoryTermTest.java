package nl.pupildata.deadline.domain;

import nl.pupildata.rules.Rule;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.rules.RuleViolation;
import org.junit.jupiter.api.Test;

class StatutoryTermTest {

    static final UUID ID = UUID.randomUUID();

    static StatutoryTerm set(LocalDate received, LocalDate due) {
        return StatutoryTerm.replay(List.of(new DeadlineSet(ID, "deadline-service", "12AB", received, due)));
    }

    static final Map<RequestKind, Period> TERMS = Map.of(RequestKind.PARENT_ACCESS, Period.ofWeeks(4));

    @Test
    void pa4_aGuardiansRequestGetsFourWeeksFromReceipt_metByTheAnswer_otherKindsNone() {
        RequestReceived access = new RequestReceived(ID, "director", "12AB", RequestKind.PARENT_ACCESS,
                LocalDate.of(2026, 11, 2), ReceivedVia.EMAIL, "P-1", 4, false, List.of(new GuardianRef("g1", true)),
                false, RequesterCategory.GUARDIAN, "g1", AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null);
        List<DeadlineEvent> set = StatutoryTerm.NONE.follow(access, TERMS, LocalDate.of(2026, 11, 2), "deadline");
        assertEquals(LocalDate.of(2026, 11, 30), ((DeadlineSet) set.get(0)).dueOn());
        StatutoryTerm term = StatutoryTerm.replay(set);
        assertEquals(List.of(), term.follow(access, TERMS, LocalDate.of(2026, 11, 2), "deadline"), "set once");
        DeadlineMet met = (DeadlineMet) term.follow(new InformationShared(ID, "director", ShareChannel.SECURE_MAIL,
                LocalDate.of(2026, 12, 1), List.of(), null), TERMS, LocalDate.of(2026, 12, 1), "deadline").get(0);
        assertFalse(met.withinTerm(), "1 December is after the 4 weeks");
        RequestReceived transfer = new RequestReceived(UUID.randomUUID(), "director", "12AB",
                RequestKind.SCHOOL_TRANSFER, LocalDate.of(2026, 11, 2), ReceivedVia.OSO, "P-1", 4, false, List.of(),
                false, RequesterCategory.PRIMARY_SCHOOL, null, null, null, null, null, null);
        assertEquals(List.of(), StatutoryTerm.NONE.follow(transfer, TERMS, LocalDate.of(2026, 11, 2), "deadline"));
    }

    @Test
    void pa6_twoExtensionsOfOneCalendarMonthWithMonthEndClamping_andNoThird() {
        List<PupilDataEvent> history = new ArrayList<>(List.of(
                new DeadlineSet(ID, "deadline-service", "12AB", LocalDate.of(2027, 1, 3), LocalDate.of(2027, 1, 31))));
        DeadlineExtended first = StatutoryTerm.replay(history).extend("Dossier deels extern", LocalDate.of(2027, 1, 20),
                "privacy@board", LocalDate.of(2027, 1, 21));
        assertEquals(LocalDate.of(2027, 2, 28), first.newDueOn(), "31 January + 1 month = 28 February");
        assertEquals(1, first.number());
        history.add(first);
        DeadlineExtended second = StatutoryTerm.replay(history).extend("Nog steeds wachten", LocalDate.of(2027, 2, 25),
                "privacy@board", LocalDate.of(2027, 2, 26));
        assertEquals(LocalDate.of(2027, 3, 28), second.newDueOn());
        history.add(second);
        RuleViolation third = assertThrows(RuleViolation.class,
                () -> StatutoryTerm.replay(history).extend("Nog een keer", LocalDate.of(2027, 3, 1), "privacy@board",
                        LocalDate.of(2027, 3, 2)));
        assertEquals(Rule.PA_6, third.rule());
        assertFalse(third.invalidInput());
    }

    @Test
    void pa6_leapYear() {
        assertEquals(LocalDate.of(2028, 2, 29), set(LocalDate.of(2028, 1, 3), LocalDate.of(2028, 1, 31))
                .extend("r", LocalDate.of(2028, 1, 10), "p", LocalDate.of(2028, 1, 10)).newDueOn());
    }

    @Test
    void pa6_noExtensionAfterTheTermEnded() {
        StatutoryTerm term = set(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29));
        assertEquals(Rule.PA_6, assertThrows(RuleViolation.class,
                () -> term.extend("r", LocalDate.of(2026, 10, 28), "p", LocalDate.of(2026, 10, 30))).rule());
        // On the due date itself the term still runs.
        assertNotNull(term.extend("r", LocalDate.of(2026, 10, 28), "p", LocalDate.of(2026, 10, 29)));
    }

    @Test
    void pa6_guardiansToldBeforeTheTermEndsAndAReasonGiven() {
        StatutoryTerm term = set(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29));
        assertTrue(assertThrows(RuleViolation.class,
                () -> term.extend(" ", LocalDate.of(2026, 10, 20), "p", LocalDate.of(2026, 10, 21))).invalidInput());
        assertTrue(assertThrows(RuleViolation.class,
                () -> term.extend("r", null, "p", LocalDate.of(2026, 10, 21))).invalidInput());
    }

    @Test
    void pa4_aPartialRefusalMeetsTheTermOnlyOnceTheRestWasGiven_aFullOneAtOnce() {
        StatutoryTerm term = set(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30));
        RequestRefused partial = new RequestRefused(ID, "director", true, "Deel over de thuissituatie",
                List.of(Consultation.SAFEGUARDING_OFFICER, Consultation.QUALITY_OFFICER));
        assertEquals(List.of(), term.follow(partial, TERMS, LocalDate.of(2026, 11, 10), "deadline"),
                "the part not refused is still owed");
        DeadlineMet met = (DeadlineMet) term.follow(new InformationShared(ID, "director", ShareChannel.SECURE_MAIL,
                LocalDate.of(2026, 11, 12), List.of(), null), TERMS, LocalDate.of(2026, 11, 12), "deadline").get(0);
        assertEquals(LocalDate.of(2026, 11, 12), met.metOn());
        RequestRefused full = new RequestRefused(ID, "director", false, "Veiligheid", List.of());
        assertInstanceOf(DeadlineMet.class, term.follow(full, TERMS, LocalDate.of(2026, 11, 10), "deadline").get(0));
    }

    @Test
    void theReasonGoesIntoTheEvent_soItIsBoundedAndNamesNoOne() {
        StatutoryTerm term = set(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29));
        for (String wide : List.of("Wacht op antwoord van j.bakker@jeugdzorg.nl", "x".repeat(1001))) {
            RuleViolation v = assertThrows(RuleViolation.class, () -> term.extend(wide, LocalDate.of(2026, 10, 20), "p",
                    LocalDate.of(2026, 10, 21)));
            assertNull(v.rule(), "plain validation (400)");
            assertEquals("reason", v.fields().get(0).field());
            assertFalse(v.fields().toString().contains("j.bakker"), "never echoed");
        }
    }

    @Test
    void swv4_noNationalNumberInTheReasonForAnExtension() {
        StatutoryTerm term = set(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29));
        RuleViolation v = assertThrows(RuleViolation.class, () -> term.extend("Dossier van 101222331 is groot",
                LocalDate.of(2026, 10, 20), "p", LocalDate.of(2026, 10, 21)));
        assertEquals(Rule.SWV_4, v.rule());
    }

    @Test
    void pa4_statusIsDerivedFromToday() {
        StatutoryTerm term = set(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29));
        assertEquals(StatutoryTerm.Status.RUNNING, term.status(LocalDate.of(2026, 10, 21), 7));
        assertEquals(StatutoryTerm.Status.DUE_SOON, term.status(LocalDate.of(2026, 10, 22), 7));
        assertEquals(StatutoryTerm.Status.DUE_SOON, term.status(LocalDate.of(2026, 10, 29), 7));
        assertEquals(StatutoryTerm.Status.MISSED, term.status(LocalDate.of(2026, 10, 30), 7));
    }

    @Test
    void pa4_metBeforeAndAfterTheDueDate() {
        StatutoryTerm term = set(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29));
        DeadlineMet onTime = (DeadlineMet) term.answered(LocalDate.of(2026, 10, 29), "x").get(0);
        assertTrue(onTime.withinTerm());
        DeadlineMet late = (DeadlineMet) term.answered(LocalDate.of(2026, 10, 30), "x").get(0);
        assertFalse(late.withinTerm());
        assertEquals(StatutoryTerm.Status.MET, term.evolve(late).status(LocalDate.of(2026, 11, 30), 7));
        assertTrue(term.evolve(late).answered(LocalDate.of(2026, 11, 1), "x").isEmpty(), "met once");
    }

    @Test
    void signals_dueSoonThenMissed_eachExactlyOncePerTerm() {
        List<PupilDataEvent> history = new ArrayList<>(List.of(
                new DeadlineSet(ID, "deadline-service", "12AB", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29))));
        assertTrue(StatutoryTerm.replay(history).signals(LocalDate.of(2026, 10, 21), 7, "d").isEmpty());
        List<DeadlineEvent> soon = StatutoryTerm.replay(history).signals(LocalDate.of(2026, 10, 22), 7, "d");
        assertInstanceOf(DeadlineDueSoon.class, soon.get(0));
        history.addAll(soon);
        assertTrue(StatutoryTerm.replay(history).signals(LocalDate.of(2026, 10, 25), 7, "d").isEmpty(), "once");
        assertTrue(StatutoryTerm.replay(history).signals(LocalDate.of(2026, 10, 29), 7, "d").isEmpty(),
                "the due date itself is not missed");
        List<DeadlineEvent> missed = StatutoryTerm.replay(history).signals(LocalDate.of(2026, 10, 30), 7, "d");
        assertInstanceOf(DeadlineMissed.class, missed.get(0));
        history.addAll(missed);
        assertTrue(StatutoryTerm.replay(history).signals(LocalDate.of(2026, 11, 30), 7, "d").isEmpty(), "once");
    }

    @Test
    void signals_aScanAfterDowntimeGivesOnlyTheMissedSignal_andAnExtensionStartsANewTerm() {
        StatutoryTerm term = set(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29));
        List<DeadlineEvent> late = term.signals(LocalDate.of(2026, 11, 5), 7, "d");
        assertEquals(1, late.size());
        assertInstanceOf(DeadlineMissed.class, late.get(0));
        StatutoryTerm extended = term.evolve(new DeadlineDueSoon(ID, "d", LocalDate.of(2026, 10, 29)))
                .evolve(term.extend("r", LocalDate.of(2026, 10, 23), "p", LocalDate.of(2026, 10, 23)));
        assertInstanceOf(DeadlineDueSoon.class, extended.signals(LocalDate.of(2026, 11, 25), 7, "d").get(0));
    }

    @Test
    void signals_noneForAMetOrCancelledTerm() {
        StatutoryTerm term = set(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29));
        assertTrue(term.evolve(new DeadlineCancelled(ID, "x")).signals(LocalDate.of(2026, 11, 5), 7, "d").isEmpty());
        assertTrue(term.evolve(new DeadlineMet(ID, "x", LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 29), true))
                .signals(LocalDate.of(2026, 11, 5), 7, "d").isEmpty());
    }
}
