-- Which calls become activities (issue 14, the CTI connector's option). An unanswered outbound call (no answer,
-- busy, failed) is filed with the result "No answer" when log_unanswered is 1 (the default, as before: every
-- attempt is on record) and not filed at all when 0 (the attempt still counts on the contact). A campaign
-- without a row logs them.
CREATE TABLE campaign_call_logging (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    log_unanswered INTEGER NOT NULL DEFAULT 1
);
