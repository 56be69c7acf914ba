-- The replay id of the last change event per CometD channel that Kafka acknowledged (written only after the ack),
-- and the commit time of that event: the watermark a resync starts from when the replay id is no longer retained.
create table cdc_checkpoint (
    channel      text primary key,
    replay_id    bigint      not null,
    committed_at timestamptz,
    updated_at   timestamptz not null default now()
);
