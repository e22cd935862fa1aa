-- Mailbox delegation: rights an owner gave others on a folder (IMAP ACL, RFC 4314). source says
-- where a row came from ('imap': read from the mail server, replaced on every read; 'api':
-- pushed by another system), so a read from the server never drops what was pushed.
create table delegations (
    id          varchar(64) primary key,
    mailbox     varchar(400) not null,
    folder      varchar(400) not null,
    delegate    varchar(400) not null,
    rights      varchar(32) not null,
    external    boolean not null,
    granted_at  timestamp with time zone not null,
    source      varchar(16) not null
);
create unique index delegations_grant on delegations (mailbox, folder, delegate, source);
