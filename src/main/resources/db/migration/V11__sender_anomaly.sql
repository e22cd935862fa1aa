-- What is wrong with how a message's From header is built (a name set apart from the address,
-- several addresses, no well-formed address): mail programs show one sender while DMARC checks
-- another, or none.
alter table messages add column sender_anomaly varchar(300);
