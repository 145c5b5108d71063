-- Scheduled work that changes the shared journal (retention) runs on one node at a time: the
-- node that holds a job's row until lock_until runs it (ShedLock's table, its column names).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
