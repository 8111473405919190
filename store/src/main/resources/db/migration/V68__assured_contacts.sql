-- Assured contacts (issue 12): dialled only with an agent reserved for the call, so never abandoned; the way to
-- call a contact again inside the lockout that follows an abandoned call.
ALTER TABLE contacts ADD COLUMN assured INTEGER NOT NULL DEFAULT 0;
