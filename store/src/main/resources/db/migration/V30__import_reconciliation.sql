-- A REPLACE import reconciles instead of deleting: numbers kept in the new file keep their row (id, state,
-- history, callbacks); the others are ARCHIVED (a contact state), never deleted. seen_import marks the rows an
-- import touched, so what is left unmarked after a REPLACE is what the file no longer holds.
ALTER TABLE contacts ADD COLUMN seen_import BIGINT;
ALTER TABLE imports ADD COLUMN archived BIGINT NOT NULL DEFAULT 0;
