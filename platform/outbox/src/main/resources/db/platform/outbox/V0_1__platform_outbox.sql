-- Events waiting for (or already given to) the relay. Rows are written in the transaction of the state change
-- they describe; Debezium reads the inserts from the WAL, so deleting old rows (the purge) loses nothing.
create table outbox (
    id            uuid        primary key,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    source        text        not null,
    occurred_at   timestamptz not null,
    payload       json        not null,   -- json, not jsonb: the bytes on Kafka are the bytes written
    trace_context jsonb       not null default '{}'::jsonb,
    created_at    timestamptz not null default now()
);
create index outbox_created_at_idx on outbox (created_at);

-- Written by the relay's heartbeat so that the replication slot keeps moving when no event is written.
create table outbox_heartbeat (
    id      smallint    primary key,
    beat_at timestamptz not null
);
