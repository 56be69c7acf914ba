create table sample (id bigint primary key);
