package io.pacer.store.webhook;

import io.pacer.store.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where one event stands with one subscriber: what an operator reads to see whether a receiver keeps up.
 *
 * @param eventId           the event's id
 * @param type              its wire name
 * @param occurredMillis    when the change happened (epoch ms)
 * @param state             {@code PENDING}, {@code DELIVERED} or {@code FAILED}
 * @param attempts          POSTs made so far
 * @param nextAttemptMillis when it is tried next (epoch ms; meaningful while pending)
 * @param lastStatus        the subscriber's last HTTP status, or {@code null} when it gave none
 * @param lastError         why the last attempt failed, or {@code null}
 * @param deliveredMillis   when the subscriber accepted it (epoch ms), or {@code null}
 */
public record WebhookDeliveryStatus(long eventId, String type, long occurredMillis, String state, int attempts,
        long nextAttemptMillis, Integer lastStatus, String lastError, Long deliveredMillis) {

    static WebhookDeliveryStatus of(ResultSet rs) throws SQLException {
        Long status = Jdbc.nullableLong(rs, "last_status");
        return new WebhookDeliveryStatus(rs.getLong("event_id"), rs.getString("type"), rs.getLong("occurred_millis"),
                rs.getString("state"), rs.getInt("attempts"), rs.getLong("next_attempt_millis"),
                status == null ? null : status.intValue(), rs.getString("last_error"), Jdbc.nullableLong(rs, "delivered_millis"));
    }
}
