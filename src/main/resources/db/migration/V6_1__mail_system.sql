-- Block lists that OpenAIR writes for the MTA (Postfix access maps, rspamd multimap) and serves
-- as a feed. A removed entry keeps its row, with removed_at set, so the history stays readable.
create table blocklist_entries (
    id          varchar(64) primary key,
    kind        varchar(16) not null,
    entry       varchar(2000) not null,
    action_id   varchar(64),
    created_at  timestamp with time zone not null,
    removed_at  timestamp with time zone
);
create index blocklist_entries_kind on blocklist_entries (kind, entry);
