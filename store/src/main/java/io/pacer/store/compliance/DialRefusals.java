package io.pacer.store.compliance;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The contacts a campaign did not dial, and why (issue 12: "calls refused by hours/DNC/lockout/consent" in the
 * audit). The hopper adds a row in the same transaction that turns the contact away, through a statement it
 * batches with its other updates, so recording costs one batched insert per refused contact and never a query of
 * its own; the journal adds one when it locks an abandoned contact out. Read back as counts per reason (over the
 * regulator's window and per local day) and as a list, newest first.
 */
public final class DialRefusals {

    /** One refusal as listed. */
    public record Refusal(long id, long contactId, String number, RefusalReason reason, long atMillis,
                          long nextDueMillis) {
    }

    private static final long BUCKET_MILLIS = 300_000;
    private final Database db;

    /** Refusals in {@code db}. */
    public DialRefusals(Database db) {
        this.db = db;
    }

    /** A statement for {@link #add}, to batch in the caller's transaction. */
    public static PreparedStatement prepare(Connection c) throws SQLException {
        return c.prepareStatement("""
                INSERT INTO dial_refusals(campaign_id, contact_id, number, reason, at_millis, until_millis)
                VALUES (?, ?, ?, ?, ?, ?)""");
    }

    /**
     * Adds a refusal to {@code batch}: {@code contactId} of {@code campaignId} was not dialled at {@code atMillis}
     * for {@code reason}, and is looked at again at {@code untilMillis} (-1: not again, it is closed).
     */
    public static void add(PreparedStatement batch, long campaignId, long contactId, String number, RefusalReason reason,
                           long atMillis, long untilMillis) throws SQLException {
        Jdbc.bind(batch, campaignId, contactId, number, reason.name(), atMillis, untilMillis < 0 ? null : untilMillis);
        batch.addBatch();
    }

    /** Refusals of the campaign from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive), per reason. */
    public Map<RefusalReason, Long> counts(long campaignId, long fromMillis, long toMillis) {
        Map<RefusalReason, Long> out = zeros();
        db.read(c -> Jdbc.query(c, """
                SELECT reason, COUNT(*) FROM dial_refusals WHERE campaign_id = ? AND at_millis >= ? AND at_millis < ?
                GROUP BY reason""", rs -> out.put(RefusalReason.valueOf(rs.getString(1)), rs.getLong(2)),
                campaignId, fromMillis, toMillis));
        return out;
    }

    /**
     * Refusals per reason per local day in {@code zone}: the midnight of each day that had any (epoch ms, oldest
     * first) to its counts. Grouped in 5-minute buckets in SQL and folded into days here, so a day in any zone is
     * exact and the database returns at most 288 rows a day.
     */
    public Map<Long, Map<RefusalReason, Long>> perDay(long campaignId, long fromMillis, long toMillis, ZoneId zone) {
        Map<Long, Map<RefusalReason, Long>> days = new java.util.TreeMap<>();
        db.read(c -> Jdbc.query(c, """
                SELECT at_millis - (at_millis % 300000) AS bucket, reason, COUNT(*) FROM dial_refusals
                WHERE campaign_id = ? AND at_millis >= ? AND at_millis < ? GROUP BY bucket, reason""", rs -> {
                    long midnight = Instant.ofEpochMilli(rs.getLong(1)).atZone(zone).toLocalDate().atStartOfDay(zone)
                            .toInstant().toEpochMilli();
                    days.computeIfAbsent(midnight, d -> zeros()).merge(RefusalReason.valueOf(rs.getString(2)),
                            rs.getLong(3), Long::sum);
                    return null;
                }, campaignId, fromMillis - fromMillis % BUCKET_MILLIS, toMillis));
        days.keySet().removeIf(midnight -> midnight + 86_400_000L <= fromMillis);
        return days;
    }

    /**
     * The campaign's refusals from {@code fromMillis} to {@code toMillis}, newest first, of one reason or of all
     * ({@code reason} null), after the refusal {@code beforeId} (0: from the newest), at most {@code limit}.
     */
    public List<Refusal> list(long campaignId, long fromMillis, long toMillis, RefusalReason reason, long beforeId,
                              int limit) {
        List<Object> params = new ArrayList<>(List.of(campaignId, fromMillis, toMillis));
        String sql = "SELECT id, contact_id, number, reason, at_millis, until_millis FROM dial_refusals "
                + "WHERE campaign_id = ? AND at_millis >= ? AND at_millis < ?";
        if (reason != null) {
            sql += " AND reason = ?";
            params.add(reason.name());
        }
        if (beforeId > 0) {
            sql += " AND id < ?";
            params.add(beforeId);
        }
        params.add(limit);
        String query = sql + " ORDER BY id DESC LIMIT ?";
        return db.read(c -> Jdbc.query(c, query, rs -> {
            long until = rs.getLong(6);
            long nextDue = rs.wasNull() ? -1 : until;
            return new Refusal(rs.getLong(1), rs.getLong(2), rs.getString(3), RefusalReason.valueOf(rs.getString(4)),
                    rs.getLong(5), nextDue);
        }, params.toArray()));
    }

    /** Every reason at zero. */
    public static Map<RefusalReason, Long> zeros() {
        Map<RefusalReason, Long> m = new EnumMap<>(RefusalReason.class);
        for (RefusalReason r : RefusalReason.values()) {
            m.put(r, 0L);
        }
        return m;
    }
}
