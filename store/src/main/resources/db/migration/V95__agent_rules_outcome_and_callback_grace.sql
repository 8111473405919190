-- Issue 14, the rest of the agents' rules: the outcome recorded for a call when its wrap-up runs to the limit
-- (NULL: the agent is only made ready), and how long a personal callback waits for an owner who is not logged
-- in before it goes to the owner's team or any agent. A campaign without a row has the defaults: no automatic
-- outcome, 15 minutes' grace, then any agent.
ALTER TABLE campaign_agent_rules ADD COLUMN wrap_up_outcome TEXT;
ALTER TABLE campaign_agent_rules ADD COLUMN callback_grace_millis BIGINT NOT NULL DEFAULT 900000;
ALTER TABLE campaign_agent_rules ADD COLUMN callback_fallback TEXT NOT NULL DEFAULT 'ANY';
