-- The request keys on their way to the key topic (issue 19): a key written at intake, a tombstone (no secret) at
-- erasure, in the same transaction as the event, relayed by the outbox relay in order and then deleted.
create table key_outbox (
    id         bigint generated always as identity primary key,
    request_id uuid  not null,
    secret     bytea
);
