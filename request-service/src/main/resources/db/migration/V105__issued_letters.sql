-- Letters issued to guardians (issue 18): the facts each was written from and the PDF, kept in this service only
-- (names and addresses; never on Kafka). One row per LetterIssued event, by its place in the request's stream.
create table issued_letter (
    request_id       uuid not null,
    version          integer not null,
    kind             text not null,
    template_version integer not null,
    recipient        text not null,
    facts            text not null,
    pdf              bytea not null,
    primary key (request_id, version)
);
