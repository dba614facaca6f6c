-- G-9 / OSO-4: whom the school consulted before an exemption. A staff member's name: kept here, not on Kafka.
create table exemption_consultation (
    event_id                  uuid primary key,
    request_id                uuid not null,
    consulted_quality_officer text not null
);
create index exemption_consultation_request on exemption_consultation (request_id);
