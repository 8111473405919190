package io.pacer.store.contact;

import io.pacer.store.db.Dialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Which numbers of an import batch a campaign's list already holds, with what the merge needs of each.
 *
 * <p>On PostgreSQL each number is a point lookup of the {@code (campaign_id, phone)} unique index, forced by a
 * {@code LATERAL} join over the batch's array whose subquery has a {@code LIMIT} (without it the planner flattens
 * the join and is free to hash the whole campaign again). The plain {@code campaign_id = ? AND phone IN (…)} let the
 * planner choose the {@code (campaign_id, updated_millis)} index instead whenever the table's statistics were
 * stale, which they always are inside an import's own transaction (autovacuum cannot see its rows): it then read
 * every contact of the campaign and compared each with the 1,000 numbers one by one, so each batch took longer as
 * the list grew (0.6 s per batch at 27,000 rows, seconds at a million). A lookup on every column of a unique
 * index is estimated at one row whatever the statistics, so the planner keeps it. SQLite plans the IN list by
 * the unique index without statistics and keeps it.
 */
final class ListedNumbers {

    private ListedNumbers() {
    }

    /** Number to {id, name, fields, time zone} of those of {@code numbers} already in the campaign's list. */
    static Map<String, Object[]> find(Connection c, Dialect dialect, long campaignId, Collection<String> numbers)
            throws SQLException {
        Map<String, Object[]> found = new HashMap<>();
        if (numbers.isEmpty()) {
            return found;
        }
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT n.phone, k.id, k.name, k.fields, k.time_zone FROM unnest(?) AS n(phone)
                    CROSS JOIN LATERAL (SELECT id, name, fields, time_zone FROM contacts
                      WHERE campaign_id = ? AND phone = n.phone LIMIT 1) k""")) {
                Array array = c.createArrayOf("text", numbers.toArray());
                ps.setArray(1, array);
                ps.setLong(2, campaignId);
                read(ps, found);
                array.free();
            }
            return found;
        }
        String marks = String.join(", ", Collections.nCopies(numbers.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT phone, id, name, fields, time_zone FROM contacts"
                + " WHERE campaign_id = ? AND phone IN (" + marks + ")")) {
            ps.setLong(1, campaignId);
            int i = 2;
            for (String number : numbers) {
                ps.setString(i++, number);
            }
            read(ps, found);
        }
        return found;
    }

    private static void read(PreparedStatement ps, Map<String, Object[]> found) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)});
            }
        }
    }
}
