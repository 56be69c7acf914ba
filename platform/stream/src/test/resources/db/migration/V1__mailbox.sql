-- what the test consumer's effect writes, in the inbox's transaction
create table mailbox (
    event_id text primary key,
    recipient text not null,
    change_type text
);
