-- Blending (issue 14): customers who call back a campaign's display number, or one of its access numbers, reach
-- its responsible agents. enabled 0 (or no row): the campaign takes no inbound calls and they are refused as
-- before. max_wait_millis: a caller waiting this long for a free agent ends as missed. reserved_agents: ready
-- agents the pacing does not dial for, kept for callers.
CREATE TABLE campaign_inbound (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL DEFAULT 0,
    max_wait_millis BIGINT NOT NULL,
    reserved_agents INTEGER NOT NULL DEFAULT 0
);
-- Numbers that reach the campaign besides its display numbers (the Puzzel manual's "access number").
CREATE TABLE campaign_access_numbers (
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    PRIMARY KEY (campaign_id, number)
);
