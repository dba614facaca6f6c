-- The W3C trace context of the command that wrote the event, sent as the record's traceparent header, so that
-- the consuming services' spans continue the producer's trace (when tracing is switched on).
alter table outbox add column traceparent text;
