-- The sender address's local part as the message wrote it (the address column is lower case):
-- rules look at how it was written, e.g. capitals scattered by a generator.
alter table messages add column sender_mailbox varchar(200);
