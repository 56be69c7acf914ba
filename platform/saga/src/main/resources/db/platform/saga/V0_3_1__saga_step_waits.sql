-- Attempts a step made before it last waited for a signal (platform-saga): the attempts after it count towards parking,
-- so a step that re-checks something on a schedule (a wait with a deadline) keeps its whole allowance for failures.
alter table saga_steps add column attempts_before_wait integer not null default 0;
