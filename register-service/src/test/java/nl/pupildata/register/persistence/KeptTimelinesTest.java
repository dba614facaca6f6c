package nl.pupildata.register.persistence;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.DeadlineSet;
import nl.pupildata.events.RequestClosed;
import org.junit.jupiter.api.Test;

class KeptTimelinesTest {

    static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    final UUID request = UUID.randomUUID();

    EventEnvelope event(UUID eventId, Instant at) {
        return new EventEnvelope(eventId, at, new RequestClosed(request, "director@12AB", LocalDate.of(2026, 12, 2)));
    }

    EventEnvelope event(Instant at) {
        return event(UUID.randomUUID(), at);
    }

    @Test
    void aWholeTimelineIsGivenInStoredOrder_timeThenTheIdAsPostgresqlOrdersUuids() {
        // The same instant: PostgreSQL orders uuids by their bytes, unsigned; Java's UUID.compareTo is signed.
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");
        assertTrue(high.compareTo(low) < 0, "the signed order that must not be used");
        EventEnvelope later = event(T.plusSeconds(5));
        KeptTimelines kept = new KeptTimelines(10);
        kept.add(List.of(later, event(high, T)), Set.of());
        kept.add(List.of(event(low, T), event(low, T)), Set.of()); // a duplicate on the topics is kept once

        assertEquals(List.of(request), kept.requests());
        assertEquals(List.of(low, high, later.eventId()), kept.timeline(request, 3, false).orElseThrow().stream()
                .map(EventEnvelope::eventId).toList());
    }

    @Test
    void aTimelineThatDiffersFromTheStoredOne_isReadFromTheStore() {
        KeptTimelines kept = new KeptTimelines(10);
        kept.add(List.of(event(T), event(T.plusSeconds(1))), Set.of());

        assertEquals(Optional.empty(), kept.timeline(request, 3, false), "the store holds a line more");
        assertEquals(Optional.empty(), kept.timeline(request, 2, true), "the key was erased since it was read");
        assertTrue(kept.timeline(request, 2, false).isPresent());
        assertEquals(Optional.empty(), kept.timeline(UUID.randomUUID(), 1, false), "nothing kept of it");
    }

    @Test
    void aRequestReadOnceWithItsKeyAndOnceWithout_isNotKept() {
        KeptTimelines kept = new KeptTimelines(10);
        kept.add(List.of(event(T)), Set.of());
        kept.add(List.of(event(T.plusSeconds(1))), Set.of(request));

        assertEquals(List.of(request), kept.requests());
        assertEquals(Optional.empty(), kept.timeline(request, 2, false));
        assertEquals(Optional.empty(), kept.timeline(request, 2, true));
    }

    @Test
    void beyondItsCapacity_aRequestIsNotKept_andItsPlaceIsFreedForOthers() {
        KeptTimelines kept = new KeptTimelines(2);
        kept.add(List.of(event(T), event(T.plusSeconds(1)), event(T.plusSeconds(2))), Set.of());
        assertEquals(Optional.empty(), kept.timeline(request, 3, false));
        assertEquals(Optional.empty(), kept.timeline(request, 1, false));

        UUID other = UUID.randomUUID();
        kept.add(List.of(new EventEnvelope(UUID.randomUUID(), T, new DeadlineSet(other, "deadline-service", "12AB",
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30)))), Set.of());
        assertTrue(kept.timeline(other, 1, false).isPresent());
    }

    @Test
    void anInstantFinerThanTheStoresMicrosecond_isNotKept() {
        KeptTimelines kept = new KeptTimelines(10);
        kept.add(List.of(event(T.plusNanos(1500))), Set.of());
        assertEquals(Optional.empty(), kept.timeline(request, 1, false));
    }
}
