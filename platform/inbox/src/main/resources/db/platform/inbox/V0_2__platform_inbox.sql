-- Which events each consumer has applied. The row is inserted in the transaction of the effect: either both
-- commit or neither does, so a redelivered event finds its row and is skipped.
create table inbox (
    consumer    text        not null,
    event_id    text        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index inbox_received_at_idx on inbox (received_at);
