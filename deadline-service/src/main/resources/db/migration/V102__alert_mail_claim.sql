-- An alert is claimed before it is sent, so that two senders at once (the scheduled one and another, or two
-- replicas) never both send it: only the one whose claim updated the row sends. A claim that was not followed by
-- "sent" (the sender died) expires, and the alert is sent then.
alter table alert_mail add column claimed_until timestamptz;
