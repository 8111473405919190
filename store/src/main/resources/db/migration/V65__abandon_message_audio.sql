-- The safe-harbour message per campaign (issue 12). An abandoned call's attempt record keeps when its message
-- began: microseconds from the carrier's 200 OK to the first RTP packet of the message (NULL: no message was
-- played, e.g. the customer hung up first, or the call was not abandoned).
ALTER TABLE activities ADD COLUMN message_latency_micros BIGINT;
-- A campaign's uploaded recording, validated on upload (WAV, 8 kHz mono, 16-bit PCM or G.711, 1 to 30 s) and
-- kept as base64 text so one script serves SQLite and PostgreSQL.
CREATE TABLE campaign_messages (
    campaign_id BIGINT PRIMARY KEY,
    file_name TEXT NOT NULL,
    encoding TEXT NOT NULL,
    millis BIGINT NOT NULL,
    audio_base64 TEXT NOT NULL,
    uploaded_millis BIGINT NOT NULL
);
