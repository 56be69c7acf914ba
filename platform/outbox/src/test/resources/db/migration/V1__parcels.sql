-- The test aggregate of AggregateOutboxIT.
create table parcels (
    id          uuid primary key,
    destination text not null check (destination <> 'nowhere'),
    status      text not null
);
