-- Live answers and abandoned answers per campaign in 5-minute buckets (issue 12): the history a campaign's
-- abandonment budget is rebuilt from at start and after a restart, over its regulator's window, and the
-- figures of its compliance audit. Kept for the longest record-keeping rule (CRTC: three years).
CREATE TABLE abandon_buckets (
    campaign_id BIGINT NOT NULL,
    bucket_start_millis BIGINT NOT NULL,
    answers BIGINT NOT NULL,
    abandons BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, bucket_start_millis)
);
