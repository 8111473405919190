package io.pacer.store.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The durable outbox of webhook events. Writers add an event inside the transaction of the change it reports
 * (so an event exists exactly when its change was committed); the sender claims due deliveries, POSTs them and
 * records what the subscriber answered. A delivery stays {@code PENDING} until a 2xx, so every event reaches each
 * subscriber at least once, across crashes and restarts; the event id lets the subscriber drop repeats.
 */
public final class WebhookOutbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    /** The outbox of a database. */
    public WebhookOutbox(Database db) {
        this.db = db;
    }

    /** Whether any subscription wants events of a type: writers skip building what nobody would receive. */
    public static boolean wanted(Connection c, WebhookEventType type) throws SQLException {
        return Jdbc.number(c, "SELECT COUNT(*) FROM webhook_subscriptions WHERE (',' || events || ',') LIKE ?", pattern(type)) > 0;
    }

    /**
     * Writes an event and a pending delivery for each subscription that wants it, in the caller's transaction;
     * nothing when none does.
     */
    public static void add(Connection c, WebhookEventType type, long campaignId, Map<String, Object> data, long nowMillis)
            throws SQLException {
        if (!wanted(c, type)) {
            return;
        }
        String text;
        try {
            text = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        long eventId = Jdbc.insert(c, "INSERT INTO webhook_events(type, campaign_id, occurred_millis, data) VALUES (?, ?, ?, ?) RETURNING id",
                type.wireName(), campaignId, nowMillis, text);
        Jdbc.update(c, """
                INSERT INTO webhook_deliveries(event_id, subscription_id, state, attempts, next_attempt_millis)
                SELECT ?, id, 'PENDING', 0, ? FROM webhook_subscriptions WHERE (',' || events || ',') LIKE ?""",
                eventId, nowMillis, pattern(type));
    }

    /**
     * Claims up to {@code max} deliveries due at {@code nowMillis} for {@code leaseMillis}: their next attempt
     * moves to the end of the lease, so another sender on the same database skips them, and a sender that dies
     * mid-delivery leaves them due again when the lease ends.
     */
    public List<WebhookDelivery> claimDue(long nowMillis, long leaseMillis, int max) {
        return db.write(c -> {
            List<WebhookDelivery> due = Jdbc.query(c, """
                    SELECT d.event_id, d.subscription_id, e.type, e.occurred_millis, e.data, s.url, s.secret, d.attempts,
                      d.next_attempt_millis
                    FROM webhook_deliveries d
                    JOIN webhook_events e ON e.id = d.event_id
                    JOIN webhook_subscriptions s ON s.id = d.subscription_id
                    WHERE d.state = 'PENDING' AND d.next_attempt_millis <= ?
                    ORDER BY d.next_attempt_millis, d.event_id LIMIT ?""", WebhookOutbox::delivery, nowMillis, max);
            List<WebhookDelivery> claimed = new ArrayList<>(due.size());
            long until = nowMillis + leaseMillis;
            for (WebhookDelivery d : due) {
                // The old due time in the condition: of two senders, only the first moves it on.
                int won = Jdbc.update(c, """
                        UPDATE webhook_deliveries SET next_attempt_millis = ?
                        WHERE event_id = ? AND subscription_id = ? AND state = 'PENDING' AND next_attempt_millis = ?""",
                        until, d.eventId(), d.subscriptionId(), d.claimedUntilMillis());
                if (won == 1) {
                    claimed.add(new WebhookDelivery(d.eventId(), d.subscriptionId(), d.type(), d.occurredMillis(), d.data(),
                            d.url(), d.secret(), d.attempts(), until));
                }
            }
            return claimed;
        });
    }

    /** Gives back a claimed delivery that was not attempted: due again at {@code dueMillis}. */
    public void release(WebhookDelivery d, long dueMillis) {
        db.write(c -> Jdbc.update(c, """
                UPDATE webhook_deliveries SET next_attempt_millis = ?
                WHERE event_id = ? AND subscription_id = ? AND state = 'PENDING' AND next_attempt_millis = ?""",
                dueMillis, d.eventId(), d.subscriptionId(), d.claimedUntilMillis()));
    }

    /** Records that the subscriber accepted a delivery. */
    public void delivered(WebhookDelivery d, int status, long nowMillis) {
        db.write(c -> Jdbc.update(c, """
                UPDATE webhook_deliveries SET state = 'DELIVERED', attempts = attempts + 1, last_status = ?, last_error = NULL,
                  delivered_millis = ?
                WHERE event_id = ? AND subscription_id = ?""", status, nowMillis, d.eventId(), d.subscriptionId()));
    }

    /**
     * Records a failed attempt: due again at {@code retryAtMillis}, or {@code FAILED} for good when it is negative.
     *
     * @param status the subscriber's status, or 0 when it gave none (connection refused, timeout)
     */
    public void failed(WebhookDelivery d, int status, String error, long retryAtMillis) {
        String text = error == null ? "" : error.length() > 500 ? error.substring(0, 500) : error;
        db.write(c -> Jdbc.update(c, """
                UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
                  next_attempt_millis = ?
                WHERE event_id = ? AND subscription_id = ?""", retryAtMillis < 0 ? "FAILED" : "PENDING",
                status == 0 ? null : status, text, Math.max(retryAtMillis, 0), d.eventId(), d.subscriptionId()));
    }

    /**
     * Forgets events that happened before {@code beforeMillis} and that no subscriber is still waiting for
     * (delivered, failed, or unsubscribed); their deliveries go with them.
     *
     * @return how many events were forgotten
     */
    public int purge(long beforeMillis) {
        return db.write(c -> Jdbc.update(c, """
                DELETE FROM webhook_events WHERE occurred_millis < ? AND NOT EXISTS
                  (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = webhook_events.id AND d.state = 'PENDING')""",
                beforeMillis));
    }

    /** The newest deliveries of a subscription, newest first. */
    public List<WebhookDeliveryStatus> deliveries(long subscriptionId, int limit) {
        return db.read(c -> Jdbc.query(c, """
                SELECT d.event_id, e.type, e.occurred_millis, d.state, d.attempts, d.next_attempt_millis, d.last_status,
                  d.last_error, d.delivered_millis
                FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                WHERE d.subscription_id = ? ORDER BY d.event_id DESC LIMIT ?""", WebhookDeliveryStatus::of, subscriptionId, limit));
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        return new WebhookDelivery(rs.getLong("event_id"), rs.getLong("subscription_id"), rs.getString("type"),
                rs.getLong("occurred_millis"), rs.getString("data"), rs.getString("url"), rs.getString("secret"),
                rs.getInt("attempts"), rs.getLong("next_attempt_millis"));
    }

    static String pattern(WebhookEventType type) {
        return "%," + type.wireName() + ",%";
    }
}
