-- Letters the gateway has seen, by sender + envelope id + letter id: a resent duplicate is
-- recognised and answered with the first one's receipt instead of being delivered again.
create table letter_seen (
    sender_location varchar(35)  not null,
    envelope_id     varchar(64)  not null,
    letter_id       varchar(64)  not null,
    tracking_id     varchar(36)  not null,
    seen_at         timestamp with time zone not null,
    primary key (sender_location, envelope_id, letter_id)
);
create index letter_seen_tracking_idx on letter_seen (tracking_id);

-- The receipts the gateway sent, kept to send the same receipt again for a duplicate.
-- Receipts carry identifiers and refuse codes only, never patient data.
create table receipt_sent (
    original_tracking_id varchar(36)  primary key,
    kind                 varchar(16)  not null,
    receipt_id           varchar(14)  not null,
    to_location          varchar(35)  not null,
    format               varchar(8)   not null,
    body                 bytea        not null,
    sent_at              timestamp with time zone not null
);
