-- The requests this service has learned of from RequestReceived: enough to check a caller's school and the kind.
create table known_request (
    request_id  uuid primary key,
    school_brin text not null,
    kind        text not null
);
