-- Personal details needed to handle a request (G-1: nothing more). They stay in this database and never go on Kafka.
create table request_personal_details (
    request_id    uuid primary key,
    pupil_name    text,
    pupil_dob     date,
    guardians     text not null,   -- JSON: [{id, name, email, hasAuthority}]
    requester     text             -- JSON: {guardianId | organisation, name, email, phone}
);

-- The list view of requests, kept in the same transaction as the events, plus what other services told us.
create table request_view (
    request_id        uuid primary key,
    school_brin       text not null,
    kind              text not null,
    status            text not null,
    received_on       date not null,
    complexity        text,
    consent_satisfied boolean not null default false,
    due_on            date,
    updated_at        timestamptz not null default now()
);
create index request_view_school on request_view (school_brin, received_on desc);
