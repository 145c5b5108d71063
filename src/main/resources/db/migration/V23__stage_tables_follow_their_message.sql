-- The tables of duplicate detection (letter_seen) and receipts (receipt_sent) hang off a message:
-- their rows go when retention deletes the message, without the journal naming other stages' tables.
delete from letter_seen where tracking_id not in (select tracking_id from message);
delete from receipt_sent where original_tracking_id not in (select tracking_id from message);
alter table letter_seen add constraint letter_seen_message_fk
    foreign key (tracking_id) references message (tracking_id) on delete cascade;
alter table receipt_sent add constraint receipt_sent_message_fk
    foreign key (original_tracking_id) references message (tracking_id) on delete cascade;
