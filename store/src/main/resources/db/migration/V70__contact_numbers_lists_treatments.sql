-- Several numbers per contact, attempt chains, treatments, weighted lists and display-number choice (issue 14).
--
-- contact_numbers: a contact's numbers in the order its attempt chain tries them. A contact with no rows has one
-- number, contacts.phone (every contact stored before this migration). When rows exist, contacts.phone is the
-- first of them. window_*: the number's own calling window (minutes of the day in its zone), narrowing the
-- campaign's; NULL: the campaign's window. time_zone NULL: the contact's zone.
CREATE TABLE contact_numbers (
    id ${id},
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    type TEXT NOT NULL,
    time_zone TEXT,
    window_start_minute INTEGER,
    window_end_minute INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_outcome TEXT,
    UNIQUE (contact_id, position)
);
CREATE INDEX contact_numbers_number ON contact_numbers(number);

-- The attempt chain's place: the position of the number tried next and how many numbers this round has tried
-- (a round ends when every number was tried once; then the contact waits).
ALTER TABLE contacts ADD COLUMN number_position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN round_tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN list_id BIGINT;

-- Lists of a campaign: a share of the dials (weight) and an on/off switch; contacts with list_id NULL belong
-- to the campaign's default list (weight 1, always active).
CREATE TABLE contact_lists (
    id ${id},
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    weight INTEGER NOT NULL,
    active INTEGER NOT NULL,
    max_attempts INTEGER,
    UNIQUE (campaign_id, name)
);

-- A campaign's dialling rules beside its settings: treatments per outcome (JSON) and how the caller ID is
-- chosen among its display numbers (FIRST, ROTATE, LOCAL).
CREATE TABLE campaign_dialing (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    caller_id_mode TEXT NOT NULL,
    treatments TEXT NOT NULL
);
