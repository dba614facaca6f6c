-- What consent-service knows of each request from RequestReceived: its school (for access) and kind (OSO-4).
create table consent_request (
    request_id  uuid primary key,
    school_brin text not null,
    kind        text not null
);
