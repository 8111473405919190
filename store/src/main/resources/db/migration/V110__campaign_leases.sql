-- Leases instead of locks (issue 18): a campaign's lock owner holds it until lease_expires_millis (the database's
-- clock), renewed by the owner's heartbeat; NULL keeps the old meaning, a lock held until released (SQLite, one
-- node). nodes: every engine sharing the database, with its last heartbeat.
ALTER TABLE campaigns ADD COLUMN lease_expires_millis BIGINT;
CREATE TABLE nodes (
    id TEXT PRIMARY KEY,
    started_millis BIGINT NOT NULL,
    heartbeat_millis BIGINT NOT NULL,
    lease_millis BIGINT NOT NULL
);
