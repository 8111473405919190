-- A campaign names the regime it answers to (issue 12). Campaigns stored before carry on as CUSTOM: no
-- regulator's floors, no message, no lockout, numbers of unknown zone dialled as before.
ALTER TABLE campaigns ADD COLUMN regime TEXT NOT NULL DEFAULT 'CUSTOM';
ALTER TABLE campaigns ADD COLUMN abandon_message TEXT;
ALTER TABLE campaigns ADD COLUMN lockout_minutes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN dial_unknown_zones INTEGER NOT NULL DEFAULT 1;
