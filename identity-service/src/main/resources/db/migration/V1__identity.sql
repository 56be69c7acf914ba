-- Portal users: the login identity. Passwords are Argon2id hashes; no WHMCS or Salesforce credential is stored.
create table users (
    id                  uuid        primary key,
    email               text        not null,
    password_hash       text        not null,
    first_name          text        not null,
    last_name           text        not null,
    created_at          timestamptz not null,
    password_changed_at timestamptz not null
);
-- one account per address, whatever its case
create unique index users_email_key on users (lower(email));

-- The link between a portal user and its WHMCS client and Salesforce Account; each side at most once.
create table id_mappings (
    user_id         uuid        primary key references users (id),
    whmcs_client_id integer     not null unique,
    sf_account_id   char(18)    not null unique,
    created_at      timestamptz not null
);

-- Refresh tokens, stored as SHA-256 of the random token. Each login starts a family; a refresh uses its token
-- and issues the family's next one. Presenting a used token again means it was stolen: the family is revoked.
create table refresh_tokens (
    id          uuid        primary key,
    user_id     uuid        not null references users (id),
    family_id   uuid        not null,
    token_hash  bytea       not null unique,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_user_idx on refresh_tokens (user_id);

-- One row per signup (key: lower-cased email + customer number), written before WHMCS is called, so a retry
-- finds the WHMCS client an earlier attempt created, and a Salesforce update that failed after the local commit
-- stays visible here until the reconciliation job has made it.
create table signup_attempts (
    idempotency_key text        primary key,
    email           text        not null,
    customer_number text        not null,
    sf_account_id   char(18),
    whmcs_client_id integer,
    user_id         uuid        references users (id),
    status          text        not null check (status in
                        ('WHMCS_REQUESTED', 'USER_CREATED', 'SALESFORCE_PENDING', 'COMPLETED')),
    attempts        integer     not null default 0,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index signup_attempts_pending_idx on signup_attempts (status) where status = 'SALESFORCE_PENDING';

-- The token signing key when none is given in the environment: generated once, shared by every replica.
create table signing_keys (
    kid             text        primary key,
    private_key_pem text        not null,
    created_at      timestamptz not null
);
