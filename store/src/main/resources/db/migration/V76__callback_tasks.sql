-- Callbacks as tasks (issue 14, the ERP manual's reminders): a priority (higher first among tasks due at the
-- same time) and a subject (from the campaign's subject template when none is given), which task lists search.
ALTER TABLE callbacks ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE callbacks ADD COLUMN subject TEXT NOT NULL DEFAULT '';
