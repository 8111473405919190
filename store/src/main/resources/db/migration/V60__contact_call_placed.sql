-- The call a DIALING contact is in, once its INVITE was sent (issue 13). The hopper clears it when it takes the
-- contact; the journal sets it when the engine reports the call placed. After a crash, a DIALING contact with a
-- placed call is booked INTERRUPTED; one without was only queued and goes back to the list with no attempt.
ALTER TABLE contacts ADD COLUMN placed_call_id BIGINT;
