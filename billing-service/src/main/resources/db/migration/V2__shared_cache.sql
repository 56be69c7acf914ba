-- The shared cache of WHMCS reads (docs/decisions/0033-shared-caches.md): one row per client, cache and key, seen by
-- every replica. fetched_at is when the WHMCS call started, so an eviction during a slow call still wins.
create table cached_reads (
    client_id  bigint      not null,
    cache      text        not null,
    cache_key  text        not null,
    account_id text,
    payload    jsonb       not null,
    fetched_at timestamptz not null,
    expires_at timestamptz not null,
    primary key (client_id, cache, cache_key)
);

create index cached_reads_account on cached_reads (account_id) where account_id is not null;
create index cached_reads_expiry on cached_reads (expires_at);

-- What was read before stale_before is not served (nor stored) for that client or Salesforce Account: set to "now"
-- by an eviction, to a later time while a payment made through a payment link may still land.
create table cache_evictions (
    subject      text        primary key,
    stale_before timestamptz not null
);
