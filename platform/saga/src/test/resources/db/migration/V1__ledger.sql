-- A table of the test service's own, written by a local saga step.
create table ledger_entries (
    idempotency_key text primary key,
    amount          integer not null
);
