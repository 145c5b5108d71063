-- State that must be one for all gateway nodes on this journal, not one per node.

-- The overdue receipts already named in the log (journal.maintenance.UnacknowledgedCheck): every one
-- delivered before warned_up_to. One row, moved on by whichever node holds the overdue-receipts
-- lock, so that with several nodes each overdue receipt is named once, by one node.
create table overdue_receipt_mark (
    name         varchar(64) not null primary key,
    warned_up_to timestamp   not null
);

-- Failed HTTP logins of all nodes (system.LoginThrottle with a PostgreSQL journal; one embedded H2
-- node keeps them in memory): one row per user name and per remote address that failed lately,
-- named by the SHA-256 of the name or address. A successful login deletes its rows; rows that have
-- not failed for a day go, and never more than 10,000 are kept (the least recent go first).
create table login_failure (
    key_hash    varchar(64) not null primary key,
    failures    int         not null,
    not_before  timestamp,
    last_failed timestamp   not null
);
create index login_failure_last_idx on login_failure (last_failed);
