-- The words that go with a handling step and stay in this service (G-1: never on Kafka): a consultation's
-- question and advice, a correction's description. One row per event, by its place in the request's stream.
create table request_note (
    request_id uuid not null,
    version    integer not null,
    text       text not null,
    primary key (request_id, version)
);
