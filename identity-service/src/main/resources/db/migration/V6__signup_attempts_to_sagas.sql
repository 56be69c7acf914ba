-- Signup runs as a saga (platform-saga) from this version on. Signups that created their portal user but whose
-- Salesforce Account update had not been made yet become signup saga instances waiting on that step, due now, so
-- the saga leader finishes them. Attempts that never created a user are dropped: they stored no password, so they
-- cannot be finished; the customer signs up again. Then the attempt table goes.
insert into saga_instances (id, saga_name, business_key, status, direction, current_step, data, signals, waiting_for,
                            next_attempt_at, lease_owner, lease_until, reason, created_at, updated_at, progressed_at,
                            finished_at, version)
select gen_random_uuid(), 'signup', a.idempotency_key, 'WAITING', 'EXECUTE', 'link-salesforce-account',
       jsonb_build_object(
           'userId', u.id, 'email', u.email, 'customerNumber', a.customer_number, 'sfAccountId', trim(m.sf_account_id),
           'firstName', u.first_name, 'lastName', u.last_name, 'phone', null, 'address', null, 'passwordHash', null,
           'whmcsClientId', m.whmcs_client_id, 'existingClient', false,
           'registeredAt', to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
       '{}'::jsonb, null, now(), null, null,
       'link-salesforce-account: ' || coalesce(a.last_error, 'not made before the move to sagas'),
       a.created_at, now(), now(), null, 0
from signup_attempts a
join users u on u.id = a.user_id
join id_mappings m on m.user_id = u.id
where a.status in ('USER_CREATED', 'SALESFORCE_PENDING');

insert into saga_steps (id, instance_id, ordinal, step, direction, status, attempts, last_error, started_at, finished_at,
                        updated_at, version)
select gen_random_uuid(), i.id, s.ordinal, s.step, 'EXECUTE', s.status, 1, s.last_error, i.created_at, s.finished_at, now(), 0
from saga_instances i
cross join lateral (values
    (0, 'create-whmcs-client', 'SUCCEEDED', null::text, i.created_at),
    (1, 'create-portal-user', 'SUCCEEDED', null::text, i.created_at),
    (2, 'link-salesforce-account', 'RETRYING', i.reason, null::timestamptz)) as s (ordinal, step, status, last_error, finished_at)
where i.saga_name = 'signup'
  and not exists (select 1 from saga_steps existing where existing.instance_id = i.id);

drop table signup_attempts;
