-- Who read what, and when (issue 19): every signed-in read of a service's API — a request, a pupil's requests, a
-- list, an export — recorded with the reader's subject and roles, the path and query, and the answer's status.
-- Never the content. Kept for the privacy officer (GET /audit/reads).
create table read_audit (
    id      bigserial primary key,
    at      timestamptz not null default now(),
    actor   text not null,
    roles   text not null,
    path    text not null,
    query   text,
    status  integer not null
);
create index read_audit_at on read_audit (at desc);
create index read_audit_actor on read_audit (actor, at desc);
create index read_audit_path on read_audit (path, at desc);
