-- Contacts the hopper did not dial, and why (issue 12's audit): outside the called party's hours, an unknown
-- zone, on the do-not-call list, locked out after an abandoned call, or without the consent the campaign
-- requires. One row each time a contact is turned away; written in the hopper's own claiming transaction.
CREATE TABLE dial_refusals (
    id ${id},
    campaign_id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    number TEXT NOT NULL,
    reason TEXT NOT NULL,
    at_millis BIGINT NOT NULL,
    until_millis BIGINT
);
CREATE INDEX dial_refusals_campaign ON dial_refusals(campaign_id, at_millis);
CREATE INDEX dial_refusals_contact ON dial_refusals(contact_id);
