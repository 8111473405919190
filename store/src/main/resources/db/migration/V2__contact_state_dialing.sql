-- The contact state DIALLING is spelt DIALING from now on, as in the API. Rows written by an engine before
-- this version (in flight when it stopped or crashed) are renamed, so crash recovery finds them.
UPDATE contacts SET state = 'DIALING' WHERE state = 'DIALLING';
