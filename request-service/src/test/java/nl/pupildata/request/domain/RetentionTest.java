package nl.pupildata.request.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.PersonalDataErased;
import nl.pupildata.events.RequestWithdrawn;
import org.junit.jupiter.api.Test;

/** Issue 19: personal data is kept for the board's period after a request ended, then erased once. */
class RetentionTest {

    static final Retention TWO_YEARS = new Retention(Period.ofYears(2));
    static final UUID ID = UUID.randomUUID();
    static final LocalDate ENDED = LocalDate.of(2026, 11, 30);

    @Test
    void personalDataIsErasedOnTheDayThePeriodAfterTheEndHasPassed_notBefore_andNeverForAnOpenRequest() {
        assertEquals(LocalDate.of(2028, 11, 30), TWO_YEARS.eraseOn(ENDED));
        assertFalse(TWO_YEARS.due(ENDED, LocalDate.of(2028, 11, 29)));
        assertTrue(TWO_YEARS.due(ENDED, LocalDate.of(2028, 11, 30)));
        assertTrue(TWO_YEARS.due(ENDED, LocalDate.of(2030, 1, 1)), "overdue is due");
        assertFalse(TWO_YEARS.due(null, LocalDate.of(2099, 1, 1)), "a request that has not ended keeps its data");
        assertTrue(new Retention(Period.ZERO).due(ENDED, ENDED), "a board may keep nothing after the end");
        assertThrows(IllegalArgumentException.class, () -> new Retention(Period.ofDays(-1)));
    }

    @Test
    void theErasureIsAnEvent_onceAndOnlyWhenDue() {
        List<RequestWithdrawn> history = List.of(new RequestWithdrawn(ID, "director"));
        PersonalDataErased erased = TWO_YEARS.erase(ID, history, ENDED, LocalDate.of(2028, 12, 1));
        assertEquals(new PersonalDataErased(ID, "request-service", LocalDate.of(2028, 12, 1)), erased);
        assertThrows(RequestDecider.NotAllowedInState.class,
                () -> TWO_YEARS.erase(ID, history, ENDED, LocalDate.of(2028, 11, 1)), "before it is due");
        assertThrows(RequestDecider.NotAllowedInState.class,
                () -> TWO_YEARS.erase(ID, List.of(history.get(0), erased), ENDED, LocalDate.of(2029, 1, 1)), "twice");
        assertThrows(RequestDecider.NotAllowedInState.class,
                () -> TWO_YEARS.erase(ID, history, null, LocalDate.of(2029, 1, 1)), "still running");
    }
}
