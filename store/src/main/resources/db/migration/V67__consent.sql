-- Consent provenance (issue 12): the basis a contact may be called on (e.g. express written consent, an
-- existing customer relationship), where it was obtained, and when. A campaign may require it; its contacts
-- without a basis are then never dialled, and each refusal is recorded in dial_refusals.
ALTER TABLE contacts ADD COLUMN consent_basis TEXT;
ALTER TABLE contacts ADD COLUMN consent_source TEXT;
ALTER TABLE contacts ADD COLUMN consent_millis BIGINT;
ALTER TABLE campaigns ADD COLUMN require_consent INTEGER NOT NULL DEFAULT 0;
