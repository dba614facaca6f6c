-- What the letters need from the other services' events (issue 18), learned by OtherServicesListener:
-- the consent request's description per guardian (G-10) and each extension of the term with its reason (PA-6).
create table learned_consent_request (
    request_id  uuid not null,
    guardian_id text not null,
    description text not null,
    primary key (request_id, guardian_id)
);

create table learned_extension (
    request_id uuid not null,
    number     integer not null,
    new_due_on date not null,
    reason     text not null,
    primary key (request_id, number)
);
