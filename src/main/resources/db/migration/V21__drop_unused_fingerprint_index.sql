-- Nothing searches by fingerprint any more (duplicates are recognised by sender + envelope + letter
-- id in letter_seen); the index only cost a random-key B-tree write for every message.
drop index message_fingerprint_idx;
