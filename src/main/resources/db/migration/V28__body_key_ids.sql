-- Body keys rotate (journal/BodyCipher): each body records the id of the key that sealed it
-- (journal/KeyId: 8 hex digits derived from the key, never the key). A body without one was
-- sealed before key ids existed and is tried with every configured key.
alter table message_body add column key_id varchar(8);

-- The ids of the keys the nodes sharing this journal use (journal/NodeKeys), never the keys.
-- The CPR-hash and tracking-id keys: one row each, recorded by the first node to start; a node
-- with another key refuses to start.
create table journal_key (
    purpose     varchar(16) not null primary key,
    key_id      varchar(8)  not null,
    recorded_at timestamp   not null
);

-- Every body key a node has sealed with, until retired (keys retire): a node that cannot open
-- all of them refuses to start.
create table journal_body_key (
    key_id      varchar(8)  not null primary key,
    recorded_at timestamp   not null
);
