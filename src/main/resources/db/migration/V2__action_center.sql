-- The action center: approvals (four eyes), merging, durable execution with retries, undo,
-- notifications, and the automation policy. One schema for H2 (PostgreSQL mode) and PostgreSQL.

-- JSON list of {by, at, comment}: every approval given, so a second approver can be required.
alter table actions add column approvals text;
alter table actions add column approvals_required int default 1 not null;
-- Execution: each claim gets a fresh execution id; a result is recorded only under that id.
alter table actions add column attempts int default 0 not null;
alter table actions add column execution_id varchar(64);
alter table actions add column claimed_at timestamp with time zone;
alter table actions add column next_attempt_at timestamp with time zone;
-- The earlier action this one was merged into (same type and target approved within the window).
alter table actions add column merged_into varchar(64);
-- Another investigation's executed action that already remediated this target.
alter table actions add column remediated_by varchar(64);
-- Undo: the undo action names the action it reverses, and the reversed action names its undo.
alter table actions add column undo_of varchar(64);
alter table actions add column undone_by varchar(64);
-- When approvers were told that this action waits; null means not yet.
alter table actions add column notified_at timestamp with time zone;
create index actions_type_status on actions (type, status);

-- The automation policy each investigation started under, as JSON.
alter table investigations add column automation_policy text;

-- Settings people change at run time (the automation policy), as JSON per name.
create table settings (
    name        varchar(100) primary key,
    content     text not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(200) not null
);
