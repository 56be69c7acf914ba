-- wishlist-service: groups of portal users, the Stripe subscription that pays for a group, official wishlists
-- (wishlist_to_groups) with their related data, temporary wishlists, usage counters and an append-only audit log.

-- Portal users as this service knows them: the identity token's subject, recorded on first sight, so that
-- memberships and wishlists can reference a local row (the seed's users table).
create table users (
    id             bigserial   primary key,
    portal_user_id text        not null unique,
    email          text,
    created_at     timestamptz not null default now()
);

-- A Stripe subscription as last read from Stripe (API or webhook). refreshed_at drives the freshness rule;
-- last_event_at (the newest applied event's `created`) makes webhook handling safe against reordering.
create table subscriptions (
    id                     bigserial   primary key,
    stripe_subscription_id text        not null unique,
    stripe_customer_id     text,
    status                 text        not null,
    current_period_end     timestamptz,
    price_id               text,
    product_id             text,
    plan                   text,
    wishlist_quota         integer     not null default 0 check (wishlist_quota >= 0),
    past_due_since         timestamptz,
    last_event_at          timestamptz,
    refreshed_at           timestamptz not null,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);
create index subscriptions_price_idx on subscriptions (price_id);
create index subscriptions_product_idx on subscriptions (product_id);

-- One counter row per subscription: the wishlists that hold quota (every status but cancelled). Creates lock
-- this row, which makes the quota exact under concurrency.
create table subscription_usage (
    subscription_id bigint      primary key references subscriptions (id),
    wishlists_used  integer     not null default 0 check (wishlists_used >= 0),
    updated_at      timestamptz not null default now()
);

create table groups (
    id              bigserial   primary key,
    name            text        not null,
    subscription_id bigint      unique references subscriptions (id),
    created_by      bigint      not null references users (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table group_members (
    group_id   bigint      not null references groups (id),
    user_id    bigint      not null references users (id),
    role       text        not null check (role in ('owner', 'admin', 'member')),
    created_at timestamptz not null default now(),
    primary key (group_id, user_id)
);
-- "which groups is the caller in": every wishlist request starts with it
create index group_members_user_idx on group_members (user_id, group_id);

-- Temporary wishlists: a user's scratch list, converted into an official one at most once.
create table temp_wishlists (
    id                    bigserial   primary key,
    owner_id              bigint      not null references users (id),
    name                  text        not null,
    status                smallint    not null default 0 check (status in (0, 1)), -- 0 open, 1 converted (closed)
    converted_wishlist_id bigint,
    created_at            timestamptz not null default now(),
    closed_at             timestamptz
);
create index temp_wishlists_owner_idx on temp_wishlists (owner_id, id desc);

create table temp_wishlist_products (
    temp_wishlist_id bigint  not null references temp_wishlists (id),
    position         integer not null,
    product_code     text    not null,
    name             text,
    quantity         integer not null check (quantity > 0),
    primary key (temp_wishlist_id, position)
);
create table temp_wishlist_categories (
    temp_wishlist_id bigint not null references temp_wishlists (id),
    category         text   not null,
    primary key (temp_wishlist_id, category)
);
create table temp_wishlist_search_queries (
    temp_wishlist_id bigint  not null references temp_wishlists (id),
    position         integer not null,
    query            text    not null,
    primary key (temp_wishlist_id, position)
);

-- The seed's official wishlist. status: 0 inactive, 1 active, 3 cancelled.
create table wishlist_to_groups (
    id               bigserial   primary key,
    group_id         bigint      not null references groups (id),
    created_by       bigint      not null references users (id),
    subscription_id  bigint      not null references subscriptions (id),
    name             text        not null,
    slug             text        not null unique,
    description      text,
    status           smallint    not null check (status in (0, 1, 3)),
    temp_wishlist_id bigint      unique references temp_wishlists (id),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    cancelled_at     timestamptz
);
-- the list query: the caller's groups, optionally one status, newest first
create index wishlist_to_groups_list_idx on wishlist_to_groups (group_id, status, id desc);
create index wishlist_to_groups_group_id_idx on wishlist_to_groups (group_id, id desc);

alter table temp_wishlists add constraint temp_wishlists_converted_fk
    foreign key (converted_wishlist_id) references wishlist_to_groups (id);

create table wishlist_products (
    wishlist_id  bigint  not null references wishlist_to_groups (id),
    position     integer not null,
    product_code text    not null,
    name         text,
    quantity     integer not null check (quantity > 0),
    primary key (wishlist_id, position)
);
create table wishlist_categories (
    wishlist_id bigint not null references wishlist_to_groups (id),
    category    text   not null,
    primary key (wishlist_id, category)
);
create table wishlist_search_queries (
    wishlist_id bigint  not null references wishlist_to_groups (id),
    position    integer not null,
    query       text    not null,
    primary key (wishlist_id, position)
);

-- When the wishlist is next processed (price/stock checks by a later job); 'none' keeps a row without a run.
create table wishlist_schedules (
    wishlist_id bigint      primary key references wishlist_to_groups (id),
    frequency   text        not null check (frequency in ('none', 'daily', 'weekly', 'monthly')),
    next_run_at timestamptz,
    updated_at  timestamptz not null default now()
);

-- Counts kept current in the transaction of every change, so lists never aggregate the related tables.
create table wishlist_summaries (
    wishlist_id    bigint      primary key references wishlist_to_groups (id),
    product_count  integer     not null,
    item_count     integer     not null,
    category_count integer     not null,
    query_count    integer     not null,
    updated_at     timestamptz not null default now()
);

-- Append-only: who did what to which entity, with the state before and after.
create table audit_log (
    id          bigserial   primary key,
    actor_id    bigint      references users (id),
    action      text        not null,
    entity_type text        not null,
    entity_id   text        not null,
    before      jsonb,
    after       jsonb,
    at          timestamptz not null default now()
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
