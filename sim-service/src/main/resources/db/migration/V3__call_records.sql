-- Call and SMS records from the SFTP drop (docs/decisions/0032-call-records-import.md).

-- One row per data file: where its import stands. A crash resumes after lines_done; an IMPORTED file is skipped.
create table cdr_files (
    name          text        primary key,
    kind          text        not null check (kind in ('CALL', 'SMS')),
    usage_date    date        not null,
    seq           integer     not null,
    size          bigint      not null,
    status        text        not null check (status in ('IMPORTING', 'IMPORTED', 'FAILED')),
    lines_done    bigint      not null default 0,  -- rows up to this line are written
    records       bigint      not null default 0,
    quarantined   bigint      not null default 0,
    problem       text,                            -- why the whole file could not be read (FAILED)
    started_at    timestamptz not null,
    finished_at   timestamptz
);

-- Keyed by the carrier's record id: a re-imported file or a resumed import writes each record once; a corrected
-- file (higher seq) replaces the values of the records it repeats.
create table call_records (
    record_id           text          primary key,
    account             text          not null,
    started_at          timestamptz   not null,
    ended_at            timestamptz,
    duration_sec        integer,
    direction           char(1)       not null check (direction in ('O', 'I')),
    other_number        text,
    call_type           text,
    destination_country text,
    billable_units      integer,
    charge_jpy          numeric(12,2) not null,
    tax_class           text,
    product_number      text,
    plan_code           text,
    source_file         text          not null,
    source_seq          integer       not null
);
create index call_records_account_time on call_records (account, started_at);

create table sms_records (
    record_id      text          primary key,
    account        text          not null,
    sent_at        timestamptz   not null,
    direction      char(1)       not null check (direction in ('O', 'I')),
    other_number   text,
    sms_type       text,
    segments       integer,
    charge_jpy     numeric(12,2) not null,
    product_number text,
    source_file    text          not null,
    source_seq     integer       not null
);
create index sms_records_account_time on sms_records (account, sent_at);

-- Rows that did not fit the layout, kept with file and line for an operator; never imported as records.
create table cdr_quarantine (
    file_name      text        not null,
    line           bigint      not null,
    problem        text        not null,
    content        text,
    quarantined_at timestamptz not null,
    primary key (file_name, line)
);
