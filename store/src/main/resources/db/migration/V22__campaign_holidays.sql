-- Days on which a campaign calls nobody (issue 12): ISO dates, comma-separated, each judged in the called
-- party's own time zone.
ALTER TABLE campaigns ADD COLUMN holidays TEXT NOT NULL DEFAULT '';
