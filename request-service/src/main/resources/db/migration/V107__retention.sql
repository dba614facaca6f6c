-- Retention (issue 19): the day a request ended (closed, withdrawn or refused), from which its personal data is kept
-- for the board's period, and the day that data was erased. Requests that ended before this migration count from
-- the last change of their row.
alter table request_view add column ended_on date;
alter table request_view add column erased_on date;
update request_view set ended_on = cast(updated_at as date) where status in ('CLOSED', 'WITHDRAWN', 'REFUSED');
create index request_view_retention on request_view (ended_on) where erased_on is null;
