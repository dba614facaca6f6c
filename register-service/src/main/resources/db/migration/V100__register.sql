-- The register of requests for pupil data (PA-5): one entry per request, rebuilt from the events at any time.
-- No names, e-mail addresses or dates of birth: the events never carry them.
create table register_entry (
    request_id         uuid primary key,
    school_brin        text,
    kind               text,
    requester_category text,
    pupil_ref          text,
    received_on        date,
    status             text not null default 'RECEIVED',
    outcome            text,
    due_on             date,
    extensions         integer not null default 0,
    consent_satisfied  boolean not null default false,
    shares             integer not null default 0,
    closed_on          date,
    met_within_term    boolean,
    last_event_at      timestamptz not null
);
create index register_entry_school on register_entry (school_brin, received_on desc);
create index register_entry_pupil on register_entry (pupil_ref);

-- Every event of a request, in order, with who acted: the timeline.
create table register_timeline (
    event_id    uuid primary key,
    request_id  uuid not null,
    type        text not null,
    at          timestamptz not null,
    actor       text not null,
    source      text not null
);
create index register_timeline_request on register_timeline (request_id, at);
