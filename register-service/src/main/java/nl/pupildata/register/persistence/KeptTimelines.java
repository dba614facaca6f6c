package nl.pupildata.register.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.pupildata.events.EventEnvelope;

/**
 * The events the replay's first pass read from one group of partitions, kept by request so that the second pass
 * folds them without reading their lines back. Kept only up to {@code capacity} events (the heap is bounded); a
 * request that does not fit, or whose events were opened once with its key and once without, is marked incomplete
 * and folded from its stored lines. Not thread-safe: one group is read by one thread.
 *
 * <p>A kept timeline is only the truth when the stored one holds the same lines: {@link #timeline} is asked with the
 * stored line count and the key's state as they are under the request's lock, and answers empty when either differs
 * (the live consumer added a line, an event of the request lies in another group, its key was erased meanwhile).
 */
public final class KeptTimelines {

    /** PostgreSQL's order of uuids: the 16 bytes unsigned, as the stored timeline is read ({@code order by at, event_id}). */
    static final Comparator<EventEnvelope> STORED_ORDER = Comparator.comparing(EventEnvelope::time)
            .thenComparing(EventEnvelope::eventId, (a, b) -> {
                int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            });

    private final int capacity;
    private int kept;
    private final Set<UUID> requests = new TreeSet<>();
    private final Map<UUID, Map<UUID, EventEnvelope>> events = new HashMap<>();
    private final Map<UUID, Boolean> readErased = new HashMap<>();
    private final Set<UUID> incomplete = new HashSet<>();

    public KeptTimelines(int capacity) {
        this.capacity = capacity;
    }

    /** A batch's events as pass one read them; {@code erased}: the requests whose values it read as erased. */
    void add(List<EventEnvelope> batch, Set<UUID> erased) {
        for (EventEnvelope e : batch) {
            UUID request = e.requestId();
            requests.add(request);
            if (incomplete.contains(request)) {
                continue;
            }
            Boolean before = readErased.putIfAbsent(request, erased.contains(request));
            boolean sameKey = before == null || before == erased.contains(request);
            // Stored lines hold instants to the microsecond; a finer one could sort differently from its stored line.
            if (!sameKey || kept >= capacity || e.time().getNano() % 1000 != 0) {
                markIncomplete(request);
            } else if (events.computeIfAbsent(request, r -> new LinkedHashMap<>()).putIfAbsent(e.eventId(), e) == null) {
                kept++;
            }
        }
    }

    private void markIncomplete(UUID request) {
        incomplete.add(request);
        Map<UUID, EventEnvelope> dropped = events.remove(request);
        kept -= dropped == null ? 0 : dropped.size();
    }

    /** Every request with an event in the group, in the order of their ids. */
    public List<UUID> requests() {
        return List.copyOf(requests);
    }

    /**
     * The request's timeline in stored order, when it is whole: the same number of lines as stored, read with the key
     * in the state it has now. Empty: fold it from its stored lines.
     */
    Optional<List<EventEnvelope>> timeline(UUID request, long storedLines, boolean erasedNow) {
        Map<UUID, EventEnvelope> timeline = events.get(request);
        if (timeline == null || timeline.size() != storedLines || readErased.get(request) != erasedNow) {
            return Optional.empty();
        }
        List<EventEnvelope> sorted = new ArrayList<>(timeline.values());
        sorted.sort(STORED_ORDER);
        return Optional.of(sorted);
    }
}
