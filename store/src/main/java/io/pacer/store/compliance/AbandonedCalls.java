package io.pacer.store.compliance;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.util.ArrayList;
import java.util.List;

/**
 * Every abandoned call of a campaign with the time its message began (issue 12's audit): read from the attempt
 * records, where the journal stores each abandoned call's answer-to-message latency. A customer who hung up while
 * waiting is abandoned too, and usually heard no message (its latency is absent).
 */
public final class AbandonedCalls {

    /**
     * One abandoned call.
     *
     * @param messageLatencyMicros answer to the message's first packet, or -1 when no message was played
     */
    public record Call(long id, long contactId, String number, String outcome, long answerMillis, long endMillis,
                       long messageLatencyMicros) {
    }

    /**
     * The abandoned calls of a period in sum.
     *
     * @param calls                   abandoned calls
     * @param withMessage             those that heard the message start
     * @param overDeadline            messages that began after the deadline
     * @param maxMessageLatencyMicros the latest message start, 0 when none
     */
    public record Summary(long calls, long withMessage, long overDeadline, long maxMessageLatencyMicros) {
    }

    private static final String ABANDONED = "call_outcome IN ('ABANDONED', 'CUSTOMER_HUNG_UP')";
    private final Database db;

    /** Abandoned calls in {@code db}. */
    public AbandonedCalls(Database db) {
        this.db = db;
    }

    /**
     * The period's abandoned calls (ended from {@code fromMillis} to {@code toMillis}) against {@code deadlineMillis}
     * (0: the regime sets none, so no message is late).
     */
    public Summary summary(long campaignId, long fromMillis, long toMillis, long deadlineMillis) {
        return db.read(c -> Jdbc.one(c, "SELECT COUNT(*), COUNT(message_latency_micros), "
                + "COALESCE(SUM(CASE WHEN message_latency_micros > ? THEN 1 ELSE 0 END), 0), "
                + "COALESCE(MAX(message_latency_micros), 0) FROM activities "
                + "WHERE campaign_id = ? AND end_millis >= ? AND end_millis < ? AND " + ABANDONED,
                rs -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                deadlineMillis <= 0 ? Long.MAX_VALUE : deadlineMillis * 1_000, campaignId, fromMillis, toMillis)).orElseThrow();
    }

    /** The period's abandoned calls, newest first, after {@code beforeId} (0: from the newest), at most {@code limit}. */
    public List<Call> list(long campaignId, long fromMillis, long toMillis, long beforeId, int limit) {
        List<Object> params = new ArrayList<>(List.of(campaignId, fromMillis, toMillis));
        String sql = "SELECT id, contact_id, called_number, call_outcome, answer_millis, end_millis, message_latency_micros "
                + "FROM activities WHERE campaign_id = ? AND end_millis >= ? AND end_millis < ? AND " + ABANDONED;
        if (beforeId > 0) {
            sql += " AND id < ?";
            params.add(beforeId);
        }
        params.add(limit);
        String query = sql + " ORDER BY id DESC LIMIT ?";
        return db.read(c -> Jdbc.query(c, query, rs -> {
            long answer = rs.getLong(5);
            long answerMillis = rs.wasNull() ? -1 : answer;
            long latency = rs.getLong(7);
            long latencyMicros = rs.wasNull() ? -1 : latency;
            return new Call(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), answerMillis,
                    rs.getLong(6), latencyMicros);
        }, params.toArray()));
    }
}
