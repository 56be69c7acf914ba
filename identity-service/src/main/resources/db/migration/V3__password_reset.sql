-- Password reset tokens: only the SHA-256 of the random token is kept. Single use (used_at), short-lived (expires_at).
create table password_reset_tokens (
    token_hash bytea       primary key,
    user_id    uuid        not null references users (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_reset_tokens_user_idx on password_reset_tokens (user_id);
