-- A user can be disabled (its token refused, its history and assignments kept) instead of deleted.
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
