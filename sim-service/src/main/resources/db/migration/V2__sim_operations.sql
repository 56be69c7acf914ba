-- SIM operations (docs/decisions/0031-sim-operations.md): one row per operation, its status a state machine
-- (REQUESTED/SCHEDULED -> SUBMITTING -> SUBMITTED -> COMPLETED | FAILED; SCHEDULED -> CANCELLED).
create table sim_operations (
    id              uuid        primary key,
    sim_id          bigint      not null,      -- the WHMCS service id, the portal's SIM id
    msisdn          text        not null,      -- the Freebit account (line)
    client_id       bigint      not null,      -- the WHMCS client the SIM belongs to
    requested_by    uuid        not null,      -- the portal user, who is told how it ends
    kind            text        not null check (kind in ('TOP_UP', 'PLAN_CHANGE', 'VOICE_OPTIONS', 'NETWORK_TYPE', 'CANCELLATION', 'ESIM_REISSUE')),
    status          text        not null check (status in ('REQUESTED', 'SCHEDULED', 'SUBMITTING', 'SUBMITTED', 'COMPLETED', 'FAILED', 'CANCELLED')),
    quota_mb        integer,
    plan_code       text,
    network_type    text,
    voice_mail      boolean,
    call_waiting    boolean,
    world_call      boolean,
    world_wing      boolean,
    eid             text,
    effective_date  date        not null,
    run_at          timestamptz not null,      -- when the portal sends it to Freebit
    reason          text,                      -- why it failed, for the customer
    requested_at    timestamptz not null,
    submitted_at    timestamptz,               -- when Freebit accepted it
    finished_at     timestamptz,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);
create index sim_operations_sim on sim_operations (sim_id, requested_at desc);
create index sim_operations_line on sim_operations (msisdn, status);

-- One row per line, locked by each change request of the line (the minimum interval, a busy line).
create table sim_lines (
    msisdn text primary key
);

-- db-scheduler's executions (its PostgreSQL schema): one row per scheduled operation step and per recurring task.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
