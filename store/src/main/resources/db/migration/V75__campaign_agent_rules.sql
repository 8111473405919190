-- The timers on a campaign's agents (issue 14): how long a preview offer waits for the agent's answer, how many
-- offers in a row an agent may let time out before it is paused, and how long wrap-up may last before the
-- agent is made ready. 0 switches a timer off; a campaign without a row has none. Kept beside the campaign
-- rather than in it because they govern agents, not dialing.
CREATE TABLE campaign_agent_rules (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    preview_timeout_millis BIGINT NOT NULL DEFAULT 0,
    max_missed_offers INTEGER NOT NULL DEFAULT 0,
    wrap_up_limit_millis BIGINT NOT NULL DEFAULT 0
);
