-- State that must be one for all gateway nodes on this journal, not one per node.

-- The overdue receipts already named in the log (journal.maintenance.UnacknowledgedCheck): every one
-- delivered before warned_up_to. One row, moved on by whichever node holds the overdue-receipts
-- lock, so that with several nodes each overdue receipt is named once, by one node.
create table overdue_receipt_mark (
    name         varchar(64) not null primary key,
    warned_up_to timestamp   not null
);
