-- Each republish of the event store to Kafka (docs/operations.md, "Kafka lost, databases kept"), done once per marker.
create table republished (
    marker text        primary key,
    at     timestamptz not null default now(),
    events bigint      not null
);
