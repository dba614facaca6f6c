-- The timeline keeps each event's payload (references only, like every event on Kafka), so that an entry is a
-- fold over its events in time order: the same result whatever order the topics delivered them in.
alter table register_timeline add column payload text not null default '{}';
alter table register_entry add column consent_requirement text;
alter table register_entry add column refusal_reason text;
