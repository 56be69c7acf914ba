-- Saga instances (platform-saga): one row per run of a saga, with its data, the step it is on, its lease and
-- when it is due again. A business key is held by at most one run that was not compensated.
create table saga_instances (
    id              uuid        primary key,
    saga_name       text        not null,
    business_key    text        not null,
    status          text        not null check (status in
                        ('RUNNING', 'WAITING', 'COMPENSATING', 'COMPLETED', 'COMPENSATED', 'PARKED', 'FAILED')),
    direction       text        not null check (direction in ('EXECUTE', 'COMPENSATE')),
    current_step    text,
    data            jsonb       not null,
    signals         jsonb       not null default '{}'::jsonb,
    waiting_for     text,
    next_attempt_at timestamptz,
    lease_owner     text,
    lease_until     timestamptz,
    reason          text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    progressed_at   timestamptz not null,
    finished_at     timestamptz,
    version         bigint      not null
);
create unique index saga_instances_business_key_idx on saga_instances (saga_name, business_key) where status <> 'COMPENSATED';
create index saga_instances_key_idx on saga_instances (saga_name, business_key, created_at);
-- what the leader polls: active instances by the time they are due
create index saga_instances_due_idx on saga_instances (next_attempt_at) where status in ('RUNNING', 'WAITING', 'COMPENSATING');
create index saga_instances_finished_idx on saga_instances (finished_at) where finished_at is not null;

-- The step log: one row per step and direction of an instance, updated on every attempt.
create table saga_steps (
    id          uuid        primary key,
    instance_id uuid        not null references saga_instances (id) on delete cascade,
    ordinal     integer     not null,
    step        text        not null,
    direction   text        not null check (direction in ('EXECUTE', 'COMPENSATE')),
    status      text        not null check (status in ('STARTED', 'SUCCEEDED', 'RETRYING', 'WAITING', 'FAILED', 'PARKED')),
    attempts    integer     not null,
    last_error  text,
    started_at  timestamptz not null,
    finished_at timestamptz,
    updated_at  timestamptz not null,
    version     bigint      not null,
    unique (instance_id, step, direction)
);
