-- One row per term for the scheduler and the work list, written in the same transaction as the term's events.
create table deadline_term (
    request_id  uuid primary key,
    school_brin text not null,
    due_on      date not null,
    open        boolean not null
);
create index deadline_term_open on deadline_term (open, due_on);
