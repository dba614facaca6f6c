-- Alerts to staff (issue 18): one row per DeadlineDueSoon / DeadlineMissed, written in the transaction that appends
-- the signal, sent by AlertMailer and then marked; a restart sends nothing twice. No personal details.
create table alert_mail (
    event_id   uuid primary key,
    request_id uuid not null,
    school     text not null,
    signal     text not null,
    due_on     date not null,
    sent_at    timestamptz,
    outcome    text
);
create index alert_mail_unsent on alert_mail (event_id) where sent_at is null;
