-- Searches by state list the newest received first: with (state, received_at) the planner reads
-- the matching rows in that order from the index instead of walking the time index and filtering
-- (shown by JournalIndexPlansIT on PostgreSQL). Nothing looks up messages by state and updated_at.
drop index message_state_idx;
create index message_state_idx on message (state, received_at);
