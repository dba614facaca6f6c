-- G-9 / OSO-4: the consultations request-service says were answered (ConsultationAnswered), by the officer
-- themselves. An exemption rests on an answered QUALITY_OFFICER consultation; which one is kept with it.
create table officer_advice (
    consultation_id uuid primary key,
    request_id      uuid not null,
    officer         text not null,
    answered_by     text not null,
    answered_on     date not null
);
create index officer_advice_request on officer_advice (request_id);
alter table exemption_consultation add column consultation_id uuid;
