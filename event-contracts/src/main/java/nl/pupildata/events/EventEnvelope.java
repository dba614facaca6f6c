package nl.pupildata.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with its CloudEvents metadata: {@code id}, {@code source} (the producing service), {@code type}
 * (stable name), {@code subject} (the request id) and {@code time}.
 */
public record EventEnvelope(UUID eventId, Instant time, PupilDataEvent event) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(event.requestId(), "event.requestId");
    }

    public static EventEnvelope wrap(PupilDataEvent event, Instant time) {
        return new EventEnvelope(UUID.randomUUID(), time, event);
    }

    public EventType type() {
        return EventType.of(event);
    }

    public UUID requestId() {
        return event.requestId();
    }

    public Topic topic() {
        return type().topic();
    }

    public String source() {
        return topic().producer();
    }
}
