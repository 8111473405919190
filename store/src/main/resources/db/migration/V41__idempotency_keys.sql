-- Idempotency-Key on creates: the first answer to a key is kept for 24 hours and replayed to a retry with the
-- same body; a different body under the same key is refused. Keys belong to the user who sent them. A row with
-- no status is a request still running (or one whose server died while running it).
CREATE TABLE idempotency_keys (
    user_id BIGINT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER,
    location TEXT,
    body TEXT,
    created_millis BIGINT NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_millis);
