-- Threat intelligence: sources, their indicators, and the retro-hunts new indicators started.
-- One schema for H2 (run in PostgreSQL mode) and PostgreSQL.

create table intel_sources (
    name                varchar(200) primary key,
    kind                varchar(20) not null,
    location            varchar(2000),
    refresh_seconds     bigint not null,
    default_type        varchar(20),
    default_verdict     varchar(20) not null,
    default_confidence  int not null,
    mapping             text,
    enabled             boolean not null,
    -- Validators of the last document read, for conditional requests.
    etag                varchar(400),
    last_modified       varchar(100),
    last_attempt_at     timestamp with time zone,
    last_success_at     timestamp with time zone,
    indicator_count     int not null,
    skipped_count       int not null,
    last_error          varchar(4000),
    problems            text,
    created_at          timestamp with time zone not null,
    created_by          varchar(200) not null
);

create table intel_indicators (
    source       varchar(200) not null references intel_sources (name) on delete cascade,
    -- SHA-256 of type and normalised value, so long URLs can be keyed on both databases.
    value_key    varchar(64) not null,
    type         varchar(16) not null,
    indicator_value  varchar(4000) not null,
    verdict      varchar(16) not null,
    threat       varchar(200),
    confidence   int not null,
    first_seen   timestamp with time zone,
    last_seen    timestamp with time zone,
    expires_at   timestamp with time zone,
    description  varchar(2000),
    primary key (source, value_key)
);

-- One row per indicator a retro-hunt found delivered mail for, and the alert it raised.
create table intel_hunts (
    id                varchar(64) primary key,
    indicator_key     varchar(64) not null,
    indicator_type    varchar(16) not null,
    indicator_value   varchar(4000) not null,
    source            varchar(200) not null,
    alert_id          varchar(64),
    investigation_id  varchar(64),
    alert_type        varchar(64),
    message_count     int not null,
    delivery_count    int not null,
    created_at        timestamp with time zone not null
);
create index intel_hunts_indicator on intel_hunts (indicator_key, created_at);
create index intel_hunts_created on intel_hunts (created_at);

create table intel_hunt_messages (
    hunt_id     varchar(64) not null references intel_hunts (id) on delete cascade,
    message_id  varchar(64) not null,
    primary key (hunt_id, message_id)
);
create index intel_hunt_messages_message on intel_hunt_messages (message_id);

-- Retro-hunt queries: links by host, senders by domain and IP, deliveries by time.
create index links_host on links (host);
create index messages_sender_domain on messages (sender_domain);
create index messages_sender_ip on messages (sender_ip);
create index deliveries_delivered on deliveries (delivered_at);
