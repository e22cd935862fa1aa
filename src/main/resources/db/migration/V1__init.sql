-- One schema for H2 (run in PostgreSQL mode) and PostgreSQL.

create table messages (
    id                   varchar(64) primary key,
    internet_message_id  varchar(1000),
    sender_address       varchar(400),
    sender_display_name  varchar(1000),
    sender_domain        varchar(255),
    reply_to             varchar(400),
    reply_to_domain      varchar(255),
    return_path          varchar(400),
    return_path_domain   varchar(255),
    recipients           text,
    subject              varchar(2000),
    -- SHA-256 of sender and normalised subject: the key of the similar-message cluster lookup.
    cluster_key          varchar(64) not null,
    received_at          timestamp with time zone,
    direction            varchar(16) not null,
    sender_ip            varchar(64),
    spf                  varchar(16) not null,
    dkim                 varchar(16) not null,
    dmarc                varchar(16) not null,
    compauth             varchar(16) not null,
    body_text            text,
    size_bytes           bigint not null,
    parse_warnings       text,
    created_at           timestamp with time zone not null
);
create index messages_imid on messages (internet_message_id);
create index messages_cluster on messages (cluster_key, received_at);
create index messages_sender on messages (sender_address, received_at);

create table message_raw (
    message_id  varchar(64) primary key references messages (id),
    content     bytea not null
);

create table deliveries (
    id            varchar(64) primary key,
    message_id    varchar(64) not null references messages (id),
    mailbox       varchar(400) not null,
    folder        varchar(64) not null,
    delivered_at  timestamp with time zone not null
);
create index deliveries_message on deliveries (message_id);
create index deliveries_mailbox on deliveries (mailbox, delivered_at);

create table links (
    message_id          varchar(64) not null references messages (id),
    position            int not null,
    url                 varchar(4000) not null,
    -- SHA-256 of the URL, so long URLs can be indexed on both databases.
    url_key             varchar(64) not null,
    host                varchar(400),
    registrable_domain  varchar(400),
    displayed_text      varchar(2000),
    displayed_host      varchar(400),
    primary key (message_id, position)
);
create index links_url on links (url_key);
create index links_domain on links (registrable_domain);

create table attachments (
    message_id     varchar(64) not null references messages (id),
    position       int not null,
    file_name      varchar(1000),
    declared_type  varchar(255),
    detected_type  varchar(255),
    size_bytes     bigint not null,
    sha256         varchar(64),
    primary key (message_id, position)
);
create index attachments_sha256 on attachments (sha256);

create table clicks (
    id          varchar(64) primary key,
    url         varchar(4000) not null,
    url_key     varchar(64) not null,
    user_name   varchar(400) not null,
    clicked_at  timestamp with time zone not null,
    message_id  varchar(64),
    blocked     boolean not null
);
create index clicks_url on clicks (url_key, clicked_at);

create table inbox_rules (
    id          varchar(64) primary key,
    mailbox     varchar(400) not null,
    name        varchar(400) not null,
    forward_to  varchar(400),
    external    boolean not null,
    enabled     boolean not null,
    created_at  timestamp with time zone not null
);
create index inbox_rules_mailbox on inbox_rules (mailbox);

create table alerts (
    id                   varchar(64) primary key,
    type                 varchar(64) not null,
    message_id           varchar(64),
    internet_message_id  varchar(1000),
    url                  varchar(4000),
    user_name            varchar(400),
    reported_by          varchar(400),
    occurred_at          timestamp with time zone not null,
    created_at           timestamp with time zone not null,
    created_by           varchar(200) not null
);

-- The investigations table is also the durable work queue: status 'queued' rows wait for a worker.
create table investigations (
    id            varchar(64) primary key,
    alert_id      varchar(64) not null references alerts (id),
    playbook      varchar(64) not null,
    status        varchar(64) not null,
    verdict       varchar(20) not null,
    threat_kind   varchar(64),
    rule_set_id   varchar(64),
    attempts      int not null,
    error         varchar(4000),
    result        text,
    created_at    timestamp with time zone not null,
    started_at    timestamp with time zone,
    finished_at   timestamp with time zone,
    updated_at    timestamp with time zone not null
);
create index investigations_status on investigations (status, created_at);

create table actions (
    id                 varchar(64) primary key,
    investigation_id   varchar(64) not null references investigations (id),
    type               varchar(64) not null,
    target_type        varchar(64) not null,
    target             varchar(4000) not null,
    deliveries         text not null,
    status             varchar(20) not null,
    rule_id            varchar(100),
    rule_name          varchar(400),
    playbook           varchar(64),
    rule_file          varchar(400),
    rule_file_sha256   varchar(64),
    rule_set_id        varchar(64),
    matched_facts      text,
    explanation        varchar(4000),
    created_at         timestamp with time zone not null,
    decided_by         varchar(200),
    decided_at         timestamp with time zone,
    decision_comment   varchar(4000),
    executed_at        timestamp with time zone,
    execution_note     varchar(4000)
);
create index actions_status on actions (status, created_at);
create index actions_investigation on actions (investigation_id);

create table users (
    username       varchar(100) primary key,
    password_hash  varchar(200) not null,
    roles          varchar(200) not null,
    created_at     timestamp with time zone not null
);

create table api_tokens (
    id          varchar(64) primary key,
    -- SHA-256 of the token: tokens are long random secrets, so a fast hash is enough.
    token_hash  varchar(64) not null unique,
    username    varchar(100) not null references users (username),
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

-- Append-only; each row's hash covers its content and the previous row's hash.
create table audit_log (
    seq          bigint primary key,
    at           timestamp with time zone not null,
    actor        varchar(200) not null,
    event        varchar(80) not null,
    entity_type  varchar(64),
    entity_id    varchar(200),
    before_state text,
    after_state  text,
    prev_hash    varchar(64) not null,
    hash         varchar(64) not null
);
create index audit_log_entity on audit_log (entity_type, entity_id);

create table rule_loads (
    id           varchar(64) primary key,
    at           timestamp with time zone not null,
    actor        varchar(200) not null,
    accepted     boolean not null,
    rule_set_id  varchar(64),
    errors       text,
    files        text
);

create table rule_set_files (
    rule_set_id  varchar(64) not null,
    name         varchar(400) not null,
    sha256       varchar(64) not null,
    content      text not null,
    primary key (rule_set_id, name)
);
