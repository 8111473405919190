package io.pacer.store.campaign;

import io.pacer.engine.campaign.Regime;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a duplicate carries beyond the campaign's own row, in the duplicate's transaction: the settings kept in
 * tables of their own, and the lockouts the source holds its contacts under. A copy must protect people as its
 * source does: a lockout protects the person, not the list.
 */
final class CampaignCopy {

    /** Settings tables with one row per campaign, copied whole (every column but the campaign's id). */
    private static final List<String> SETTINGS = List.of("campaign_dialing", "campaign_amd", "campaign_agent_rules",
            "campaign_call_logging", "campaign_messages");

    private CampaignCopy() {
    }

    /** Copies every settings row {@code from} has to {@code to}, replacing any default {@code to} was given. */
    static void settings(Connection c, long from, long to) throws SQLException {
        for (String table : SETTINGS) {
            List<String> columns = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            try (PreparedStatement read = c.prepareStatement("SELECT * FROM " + table + " WHERE campaign_id = ?")) {
                read.setLong(1, from);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String name = meta.getColumnName(i);
                        columns.add(name);
                        values.add(name.equalsIgnoreCase("campaign_id") ? Long.valueOf(to) : rs.getObject(i));
                    }
                }
            }
            Jdbc.update(c, "DELETE FROM " + table + " WHERE campaign_id = ?", to);
            Jdbc.update(c, "INSERT INTO " + table + "(" + String.join(", ", columns) + ") VALUES ("
                    + "?, ".repeat(columns.size() - 1) + "?)", values.toArray());
        }
    }

    /**
     * A contact the source abandoned (or, under Ofcom, reached a machine at) is not due in the copy before the
     * source's lockout for it ends, though the copy's contacts are otherwise due at once.
     */
    static void lockouts(Connection c, Campaign source, long copyId, long nowMillis) throws SQLException {
        long abandoned = source.compliance().lockoutMinutes() * 60_000L;
        long machine = source.compliance().regime() == Regime.OFCOM ? Campaign.OFCOM_MACHINE_LOCKOUT_MILLIS : 0;
        String[] outcomes = {"ABANDONED", "CUSTOMER_HUNG_UP", "MACHINE"};
        long[] lockoutMillis = {abandoned, abandoned, machine};
        for (int i = 0; i < outcomes.length; i++) {
            long millis = lockoutMillis[i];
            if (millis <= 0) {
                continue;
            }
            for (Object[] row : Jdbc.query(c, """
                    SELECT k.phone, MAX(a.end_millis) FROM activities a JOIN contacts k ON k.id = a.contact_id
                    WHERE a.campaign_id = ? AND a.call_outcome = ? AND a.end_millis > ? GROUP BY k.phone""",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)}, source.id(), outcomes[i], nowMillis - millis)) {
                long until = (Long) row[1] + millis;
                Jdbc.update(c, "UPDATE contacts SET next_due_millis = ? WHERE campaign_id = ? AND phone = ? AND next_due_millis < ?",
                        until, copyId, row[0], until);
            }
        }
    }
}
