package nl.pupildata.events;

import java.util.UUID;

/**
 * Every event on Kafka. Events carry references, never personal details: a pupil by {@code pupilRef},
 * guardians by id, schools by BRIN, staff by their user id ({@code actor}).
 */
public sealed interface PupilDataEvent permits RequestEvent, ConsentEvent, DeadlineEvent {

    /** The request the event belongs to; also the Kafka key and the CloudEvents subject. */
    UUID requestId();

    /** Who caused the event: the authenticated staff member, or the service itself for signals. */
    String actor();
}
