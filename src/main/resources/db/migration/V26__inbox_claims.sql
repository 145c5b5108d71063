-- A shared inbox/ (gateway.ingest.shared-inbox): the file each node has taken, so that two nodes
-- polling one folder never take the same file (ingest.InboxClaimRepository; the column names of
-- Camel's JDBC idempotent repositories). A node refreshes createdAt of its claims every few
-- seconds; a claim not refreshed for 30 s (its node died) is taken over. A claim goes once its
-- file has left inbox/. messageId is the file's path inside inbox/.
create table inbox_claim (
    processorName varchar(255)  not null,
    messageId     varchar(1024) not null,
    createdAt     timestamp     not null,
    primary key (processorName, messageId)
);
