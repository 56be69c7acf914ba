-- the "effect" of the test consumer: a running total per line, and a log of every time the effect ran
create table line_totals (line text primary key, total bigint not null);
create table effect_log (event_id text not null, applied_at timestamptz not null default now());
