-- The local view of Salesforce cases, kept from the bridged change events (salesforce.cdc.case): an UPDATE carries
-- only the changed fields, so the case's Account, number, subject and status are kept here to say whom to tell what.
create table tracked_cases (
    case_id     varchar(18) primary key,
    account_id  varchar(18),
    case_number text,
    subject     text,
    status      text,
    -- the Salesforce commit time of the last change applied: an older change arriving later is not applied
    changed_at  timestamptz not null
);
create index tracked_cases_account on tracked_cases (account_id);

-- The portal users of each Salesforce Account, from identity's user-registered and account-linked events.
create table account_users (
    account_id varchar(18) not null,
    user_id    uuid        not null,
    linked_at  timestamptz not null,
    primary key (account_id, user_id)
);
