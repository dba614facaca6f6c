-- Idempotent consumers: an event id is recorded in the same transaction as the state change it caused.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- The requests this service has learned of from RequestReceived: enough to check a caller's school and the kind.
create table known_request (
    request_id  uuid primary key,
    school_brin text not null,
    kind        text not null
);
