-- Sliding-window rate limits shared by every replica. One row per limited key (rule + subject), locked while a
-- request is counted, so two replicas never both let the last allowed attempt through; one row per counted hit.
create table rate_limit_keys (
    key     text        primary key,
    last_at timestamptz not null
);
create table rate_limit_hits (
    key text        not null,
    at  timestamptz not null
);
create index rate_limit_hits_key_at_idx on rate_limit_hits (key, at);
