-- The event store: append-only, one row per event, optimistic concurrency on (stream_id, version).
create table event_store (
    global_position bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    stream_id       uuid        not null,
    version         integer     not null check (version > 0),
    type            text        not null,
    payload         text        not null,
    actor           text        not null,
    occurred_at     timestamptz not null,
    constraint event_store_stream_version unique (stream_id, version)
);

-- Append-only: history is never rewritten.
create function event_store_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'event_store is append-only (% refused)', tg_op;
end;
$$;
create trigger event_store_append_only before update or delete or truncate on event_store
    for each statement execute function event_store_is_append_only();

-- The transactional outbox: written in the same transaction as the events, deleted only after Kafka acknowledged.
-- traceparent: the W3C trace context of the command that wrote the event, sent as the record's traceparent header,
-- so that the consuming services' spans continue the producer's trace (when tracing is switched on).
create table outbox (
    id          bigint generated always as identity primary key,
    event_id    uuid   not null references event_store (event_id),
    topic       text   not null,
    created_at  timestamptz not null default now(),
    traceparent text
);
