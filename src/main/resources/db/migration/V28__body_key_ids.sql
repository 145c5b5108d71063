-- Body keys rotate (journal/BodyCipher): each body records the id of the key that sealed it
-- (journal/KeyId: 8 hex digits derived from the key, never the key). A body without one was
-- sealed before key ids existed and is tried with every configured key.
alter table message_body add column key_id varchar(8);

