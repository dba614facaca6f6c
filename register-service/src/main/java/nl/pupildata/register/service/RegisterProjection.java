package nl.pupildata.register.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.CloudEventHeaders;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.EventJson;
import nl.pupildata.events.PersonalDataErased;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.platform.sql.NativeSelect;
import nl.pupildata.register.domain.RegisterFold;
import nl.pupildata.register.persistence.RegisterEntry;
import nl.pupildata.register.persistence.TimelineEntry;

/**
 * Projects one event into the register. The topics are separate, so events of one request arrive in any order across
 * them; each event is added to the request's timeline and the entry is refolded from the whole timeline in time order
 * — so an entry that got its deadline before its RequestReceived is completed when the rest arrives, and a replay
 * ends equal to the live projection.
 */
public final class RegisterProjection {

    private RegisterProjection() {
    }

    /** Runs in the consumer's transaction (which records the event id). */
    public static Uni<Void> project(EventEnvelope envelope) {
        TimelineEntry line = new TimelineEntry();
        line.eventId = envelope.eventId();
        line.requestId = envelope.requestId();
        line.type = envelope.type().typeName();
        line.at = envelope.time();
        line.actor = envelope.event().actor();
        line.source = envelope.source();
        return lock(envelope.requestId())
                .chain(() -> keyErased(envelope.requestId()))
                .invoke(erased -> line.payload = EventJson.toJson(envelope.event(),
                        erased ? ValueSeal.erasedSeal() : ValueSeal.plain()))
                .chain(() -> envelope.event() instanceof PersonalDataErased
                        // Every line written again with its values erased, then read.
                        ? line.add().chain(() -> erase(envelope.requestId())).chain(() -> timeline(envelope.requestId()))
                        // The line added and the timeline read in one statement.
                        : line.addAndRead().map(lines -> lines.stream().map(RegisterProjection::envelope).toList()))
                .chain(events -> RegisterEntry.save(RegisterFold.fold(envelope.requestId(), events)));
    }

    /**
     * Issue 19: the register's timeline keeps the request's events with their values opened; once its personal data
     * is erased, each line is written again with its sealed values erased — exactly what a replay reads from Kafka
     * after the key is gone, so the two stay equal. Counts, dates and outcomes stay.
     */
    static Uni<Void> erase(UUID requestId) {
        return TimelineEntry.<TimelineEntry>list("requestId", requestId).invoke(lines -> lines.forEach(line ->
                line.payload = EventJson.toJson(envelope(line).event(), ValueSeal.erasedSeal()))).replaceWithVoid();
    }

    /**
     * Whether the request's key was erased, read under the request's lock: an event of another topic that was opened
     * while the erasure was being applied is then stored with its values erased, not as it was opened.
     */
    static Uni<Boolean> keyErased(UUID requestId) {
        return Panache.getSession().chain(session -> NativeSelect.<Long>of(session,
                        "select count(*) from request_key where request_id = :id and secret is null",
                        Map.of("id", requestId)).getSingleResult()).map(n -> n > 0);
    }

    /**
     * One request is folded by one transaction at a time: the three topics' consumers (and a replay) may bring
     * events of the same request at once, and each must see the other's timeline line before it refolds, or the
     * entry would miss an event. Held until the transaction ends.
     */
    static Uni<Void> lock(UUID requestId) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select count(pg_advisory_xact_lock(hashtext(:id)))", Map.of("id", requestId.toString()))
                .getSingleResult()).replaceWithVoid();
    }

    /** The request's events in time order (event id breaks ties, so every fold sees the same order). */
    public static Uni<List<EventEnvelope>> timeline(UUID requestId) {
        return TimelineEntry.<TimelineEntry>list("requestId = ?1 order by at, eventId", requestId)
                .map(lines -> lines.stream().map(RegisterProjection::envelope).toList());
    }

    static EventEnvelope envelope(TimelineEntry line) {
        return CloudEventHeaders.fromStored(line.eventId, line.type, line.requestId, line.at, line.payload);
    }
}
