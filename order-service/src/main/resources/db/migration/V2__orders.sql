-- The local read model of orders: every Salesforce Order this service has seen (placed through the portal, or made in
-- Salesforce and announced by its change events), with its items and the fulfillment timeline. Lists are served from
-- here, never from Salesforce.
create table orders (
    id                    varchar(18)  primary key,   -- the Salesforce Order id
    account_id            varchar(18)  not null,      -- the Salesforce Account it belongs to: who may see it
    user_id               uuid,                       -- the portal user who placed it; null for orders made in Salesforce
    checkout_id           uuid         unique,        -- the checkout that placed it (Order.OrderReferenceNumber)
    order_number          varchar(30),
    status                varchar(80)  not null,      -- Order.Status as Salesforce spells it
    activation_status     varchar(40)  not null,      -- from fulfillment-service's events
    activation_reason     text,
    activation_changed_at timestamptz,
    effective_date        date,
    note                  text,
    placed_at             timestamptz  not null,
    updated_at            timestamptz  not null,
    version               bigint       not null
);
create index orders_of_account on orders (account_id, placed_at desc, id desc);

create table order_items (
    order_id            varchar(18)    not null references orders (id) on delete cascade,
    position            int            not null,
    item_id             varchar(18)    not null,      -- the Salesforce OrderItem id
    pricebook_entry_id  varchar(18)    not null,
    product_id          varchar(18),
    name                text,
    code                text,
    category            varchar(20),                  -- internet, sim, vpn; null when Salesforce has none
    quantity            int            not null,
    unit_price          numeric(14, 2) not null,
    currency            varchar(3)     not null,
    primary key (order_id, position)
);

-- One row per fulfillment step, in the order the steps were first reported, holding the step's latest state.
create table order_steps (
    order_id  varchar(18) not null references orders (id) on delete cascade,
    position  int         not null,
    step      varchar(60) not null,
    status    varchar(20) not null,
    attempt   int         not null,
    reason    text,
    at        timestamptz not null,
    primary key (order_id, position)
);

-- A checkout per (user, Idempotency-Key): written before anything is sent to Salesforce, so that the same key never
-- creates a second order, and holding the first answer to replay it. Its id is the reference the Salesforce Order carries.
create table checkouts (
    id              uuid         primary key,
    user_id         uuid         not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    status          varchar(20)  not null,         -- IN_FLIGHT, IN_DOUBT, COMPLETED
    attempt         int          not null,
    lease_until     timestamptz  not null,
    order_id        varchar(18),
    response        text,
    created_at      timestamptz  not null,
    unique (user_id, idempotency_key)
);
create index checkouts_by_age on checkouts (created_at);
