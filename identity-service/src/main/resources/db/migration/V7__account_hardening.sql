-- Proof of ownership at signup (decision 0036). The newest one-time code per customer number, mailed to the contact
-- email the Account has on file; only its SHA-256 is kept. A code dies after its lifetime or five wrong guesses.
create table ownership_codes (
    customer_number text        primary key,
    sf_account_id   char(18)    not null,
    sent_to         text        not null,
    code_hash       bytea       not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    failed_attempts integer     not null default 0
);

-- What a customer submitted for a signup whose portal user does not exist yet (key: the saga's business key). The
-- newest submission wins: a retry's password and contact data replace the first's until the user is created, then
-- the row goes. The signup email is proven by the ownership code when it is the address on file, else by a code
-- mailed to it; nothing is created in WHMCS before it is proven.
create table signup_submissions (
    business_key               text        primary key,
    data                       jsonb       not null,
    email_verified_at          timestamptz,
    email_code_hash            bytea,
    email_code_expires_at      timestamptz,
    email_code_failed_attempts integer     not null default 0,
    submitted_at               timestamptz not null
);

-- Refresh tokens carry the user's session version at login: a token older than the version is dead even if a
-- revocation and a rotation raced. A used token points at its successor, sealed with a key only the used token
-- itself yields, so a second tab presenting it within the grace window gets that same successor.
alter table refresh_tokens add column session_version integer not null default 0;
update refresh_tokens t set session_version = u.session_version from users u where u.id = t.user_id;
alter table refresh_tokens add column successor_id uuid;
alter table refresh_tokens add column successor_sealed bytea;

-- Email changes: confirmed by a link to the new address (only the SHA-256 of its token is kept), single use.
create table email_changes (
    token_hash bytea       primary key,
    user_id    uuid        not null references users (id),
    new_email  text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index email_changes_user_idx on email_changes (user_id);
