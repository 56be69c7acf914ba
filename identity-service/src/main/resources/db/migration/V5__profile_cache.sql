-- The caller's profile and address as last read from WHMCS (GetClientsDetails), in the portal's own shape.
-- Deleted on every successful update and re-read after portal.identity.profile-cache-ttl.
create table profile_cache (
    user_id    uuid        primary key references users (id),
    snapshot   jsonb       not null,
    fetched_at timestamptz not null
);
