-- Lookups that run in every investigation: other users' reports of a message (OTHER_REPORTS).
create index alerts_message on alerts (message_id, type, occurred_at);
