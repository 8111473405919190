-- Outbound webhooks (issue 13). Subscriptions name a URL, the event types they want and the secret their
-- bodies are signed with. An event is written to webhook_events in the same transaction as the change it
-- reports, with one webhook_deliveries row per subscription that wants it: the outbox the delivery thread
-- works from, so an event survives a crash or a restart until each subscriber has answered 2xx.
CREATE TABLE webhook_subscriptions (
    id ${id},
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_millis BIGINT NOT NULL
);

CREATE TABLE webhook_events (
    id ${id},
    type TEXT NOT NULL,
    campaign_id BIGINT NOT NULL,
    occurred_millis BIGINT NOT NULL,
    data TEXT NOT NULL
);

-- state: PENDING (due at next_attempt_millis; a sender claims it by moving that time on), DELIVERED, FAILED
-- (the subscriber refused every attempt).
CREATE TABLE webhook_deliveries (
    event_id BIGINT NOT NULL REFERENCES webhook_events(id) ON DELETE CASCADE,
    subscription_id BIGINT NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_millis BIGINT NOT NULL,
    last_status INTEGER,
    last_error TEXT,
    delivered_millis BIGINT,
    PRIMARY KEY (event_id, subscription_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_millis);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries(subscription_id, state);

-- A callback's due event is written once: when its time has come, whether or not anyone subscribed then.
ALTER TABLE callbacks ADD COLUMN due_announced INTEGER NOT NULL DEFAULT 0;
CREATE INDEX callbacks_due_announced ON callbacks(due_announced, state, due_millis);
