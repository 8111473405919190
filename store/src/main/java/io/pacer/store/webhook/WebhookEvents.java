package io.pacer.store.webhook;

import io.pacer.store.db.FieldsJson;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook events of each change, written by the code that makes the change, inside its transaction: the
 * journal for finished calls and connected callbacks, the outcome recorder for outcomes and new callbacks, the
 * callback repository for callbacks marked done, and the sender for callbacks that fall due. Each reads what it
 * reports from the rows just written, so the event shows the committed state; each costs one indexed count
 * when no subscription wants it.
 */
public final class WebhookEvents {

    private WebhookEvents() {
    }

    /** Whether any subscription exists at all: the journal asks once per batch before asking per call. */
    public static boolean anySubscription(Connection c) throws SQLException {
        return Jdbc.number(c, "SELECT COUNT(*) FROM webhook_subscriptions") > 0;
    }

    /** A call ended: the newest activity of the contact, just written by the journal. */
    public static void callFinished(Connection c, long campaignId, long contactId, long nowMillis) throws SQLException {
        if (!WebhookOutbox.wanted(c, WebhookEventType.CALL_FINISHED)) {
            return;
        }
        for (Map<String, Object> data : Jdbc.query(c, "SELECT * FROM activities WHERE campaign_id = ? AND contact_id = ? ORDER BY id DESC LIMIT 1",
                WebhookEvents::activityData, campaignId, contactId)) {
            data.put("contact", contact(c, contactId));
            WebhookOutbox.add(c, WebhookEventType.CALL_FINISHED, campaignId, data, nowMillis);
        }
    }

    /** An agent's outcome was recorded on an activity. */
    public static void outcomeRecorded(Connection c, long activityId, long nowMillis) throws SQLException {
        if (!WebhookOutbox.wanted(c, WebhookEventType.OUTCOME_RECORDED)) {
            return;
        }
        for (Map<String, Object> data : Jdbc.query(c, "SELECT * FROM activities WHERE id = ?", WebhookEvents::activityData, activityId)) {
            long contactId = (Long) data.get("contactId");
            data.put("contact", contact(c, contactId));
            WebhookOutbox.add(c, WebhookEventType.OUTCOME_RECORDED, (Long) data.get("campaignId"), data, nowMillis);
        }
    }

    /** A callback task was created. */
    public static void callbackCreated(Connection c, long callbackId, long nowMillis) throws SQLException {
        callback(c, WebhookEventType.CALLBACK_CREATED, callbackId, nowMillis);
    }

    /** A callback task was marked done (by hand, or because its call was connected). */
    public static void callbackDone(Connection c, long callbackId, long nowMillis) throws SQLException {
        callback(c, WebhookEventType.CALLBACK_DONE, callbackId, nowMillis);
    }

    /** The contact's callback, if it has one, was closed by its connected call. */
    public static void callbackDoneOfContact(Connection c, long contactId, long nowMillis) throws SQLException {
        if (!WebhookOutbox.wanted(c, WebhookEventType.CALLBACK_DONE)) {
            return;
        }
        for (Long callbackId : Jdbc.query(c, "SELECT callback_id FROM contacts WHERE id = ? AND callback_id IS NOT NULL",
                rs -> rs.getLong(1), contactId)) {
            callbackDone(c, callbackId, nowMillis);
        }
    }

    /**
     * Announces the open callbacks whose time has come and that were not announced yet, at most {@code max}, and
     * marks them announced (also when nobody subscribed: a later subscriber gets no flood of old ones).
     *
     * @return how many were announced
     */
    public static int announceDueCallbacks(Connection c, long nowMillis, int max) throws SQLException {
        List<Long> due = Jdbc.query(c, """
                SELECT id FROM callbacks WHERE due_announced = 0 AND state = 'OPEN' AND due_millis <= ?
                ORDER BY due_millis, id LIMIT ?""", rs -> rs.getLong(1), nowMillis, max);
        int announced = 0;
        for (long callbackId : due) {
            // Marked first, on the condition it was not: of two engines announcing at once, one writes the event.
            if (Jdbc.update(c, "UPDATE callbacks SET due_announced = 1 WHERE id = ? AND due_announced = 0", callbackId) == 1) {
                callback(c, WebhookEventType.CALLBACK_DUE, callbackId, nowMillis);
                announced++;
            }
        }
        return announced;
    }

    private static void callback(Connection c, WebhookEventType type, long callbackId, long nowMillis) throws SQLException {
        if (!WebhookOutbox.wanted(c, type)) {
            return;
        }
        for (Map<String, Object> data : Jdbc.query(c, "SELECT * FROM callbacks WHERE id = ?", WebhookEvents::callbackData, callbackId)) {
            data.put("contact", contact(c, (Long) data.get("contactId")));
            WebhookOutbox.add(c, type, (Long) data.get("campaignId"), data, nowMillis);
        }
    }

    private static Map<String, Object> activityData(ResultSet rs) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        Long callId = Jdbc.nullableLong(rs, "call_id");
        // Call ids are above 2^53: a string, as everywhere in the API, so JavaScript receivers keep every digit.
        data.put("callId", callId == null ? null : Long.toString(callId));
        data.put("activityId", rs.getLong("id"));
        data.put("campaignId", rs.getLong("campaign_id"));
        data.put("contactId", rs.getLong("contact_id"));
        data.put("calledNumber", rs.getString("called_number"));
        data.put("callerId", rs.getString("caller_id"));
        long agent = rs.getLong("agent_id");
        data.put("agentId", agent < 0 ? null : agent);
        data.put("callOutcome", rs.getString("call_outcome"));
        data.put("startAt", iso(rs.getLong("start_millis")));
        Long answer = Jdbc.nullableLong(rs, "answer_millis");
        data.put("answerAt", answer == null ? null : iso(answer));
        data.put("endAt", iso(rs.getLong("end_millis")));
        data.put("durationMillis", rs.getLong("duration_millis"));
        data.put("outcome", rs.getString("outcome"));
        data.put("resultGroup", rs.getString("result_group"));
        data.put("note", rs.getString("note"));
        return data;
    }

    private static Map<String, Object> callbackData(ResultSet rs) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callbackId", rs.getLong("id"));
        data.put("campaignId", rs.getLong("campaign_id"));
        data.put("contactId", rs.getLong("contact_id"));
        data.put("ownerUserId", Jdbc.nullableLong(rs, "owner_user_id"));
        data.put("ownerGroupId", Jdbc.nullableLong(rs, "owner_group_id"));
        data.put("personal", rs.getInt("personal") == 1);
        data.put("dueAt", iso(rs.getLong("due_millis")));
        Long alarm = Jdbc.nullableLong(rs, "alarm_millis");
        data.put("alarmAt", alarm == null ? null : iso(alarm));
        data.put("number", rs.getString("number"));
        data.put("state", rs.getString("state"));
        data.put("note", rs.getString("note"));
        return data;
    }

    /** The contact as a CRM matches it: id, number, name, its free fields (an {@code externalId}, say), state. */
    private static Map<String, Object> contact(Connection c, long contactId) throws SQLException {
        return Jdbc.one(c, "SELECT id, phone, name, fields, state, closed_reason FROM contacts WHERE id = ?", rs -> {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("id", rs.getLong("id"));
            contact.put("phone", rs.getString("phone"));
            contact.put("name", rs.getString("name"));
            contact.put("fields", FieldsJson.read(rs.getString("fields")));
            contact.put("state", rs.getString("state"));
            contact.put("closedReason", rs.getString("closed_reason"));
            return contact;
        }, contactId).orElse(null);
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
