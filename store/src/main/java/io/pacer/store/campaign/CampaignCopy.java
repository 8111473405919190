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
 * What a duplicate takes from its source beside the settings row (which {@link CampaignRepository#create} copies
 * with its hours, retry rules, regime, lockout and responsibles): everything that protects people or defines how
 * the campaign dials. Runs in the duplicate's transaction, so a copy is whole or not there at all.
 *
 * <p>The campaign's one-row side tables are copied column by column as the database has them, so a column a later
 * migration adds is copied without touching this class. The list goes too, as the orgAnice manual's duplicate
 * does: its lists with their weights and caps, every contact with its numbers, consent and list, due again with
 * no attempts (docs/api.md).
 */
final class CampaignCopy {

    /** A campaign's settings kept beside it, one row each: treatments and caller ID, call logging, agent rules, AMD, message. */
    private static final List<String> SIDE_TABLES = List.of("campaign_dialing", "campaign_call_logging",
            "campaign_agent_rules", "campaign_amd", "campaign_messages");

    private CampaignCopy() {
    }

    /**
     * Copies everything of {@code source} but its settings row into the new campaign {@code to}, the source's
     * lockouts included: a lockout protects the person, not the list.
     */
    static void copy(Connection c, Campaign source, long to, long nowMillis) throws SQLException {
        long from = source.id();
        for (String table : SIDE_TABLES) {
            copyRow(c, table, from, to);
        }
        Jdbc.update(c, """
                INSERT INTO custom_outcomes(campaign_id, name, result_group, behaviour)
                SELECT ?, name, result_group, behaviour FROM custom_outcomes WHERE campaign_id = ?""", to, from);
        // The do-not-call list protects people, not a list: the copy must never dial a number the source blocks.
        Jdbc.update(c, "INSERT INTO do_not_call(campaign_id, phone, created_millis)"
                + " SELECT ?, phone, created_millis FROM do_not_call WHERE campaign_id = ?", to, from);
        copyContacts(c, from, to, nowMillis);
        lockouts(c, source, to, nowMillis);
    }

    private static void copyContacts(Connection c, long from, long to, long nowMillis) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO contact_lists(campaign_id, name, weight, active, max_attempts)
                SELECT ?, name, weight, active, max_attempts FROM contact_lists WHERE campaign_id = ?""", to, from);
        Jdbc.update(c, """
                INSERT INTO contacts(campaign_id, phone, name, fields, time_zone, state, next_due_millis, list_id,
                  consent_basis, consent_source, consent_millis, assured)
                SELECT ?, k.phone, k.name, k.fields, k.time_zone, 'READY', ?,
                  (SELECT n.id FROM contact_lists n JOIN contact_lists o ON o.name = n.name
                   WHERE o.id = k.list_id AND n.campaign_id = ?),
                  k.consent_basis, k.consent_source, k.consent_millis, k.assured
                FROM contacts k WHERE k.campaign_id = ? AND k.state <> 'ARCHIVED'""", to, nowMillis, to, from);
        Jdbc.update(c, """
                INSERT INTO contact_numbers(contact_id, position, number, type, time_zone, window_start_minute, window_end_minute)
                SELECT n.id, o.position, o.number, o.type, o.time_zone, o.window_start_minute, o.window_end_minute
                FROM contact_numbers o JOIN contacts k ON k.id = o.contact_id
                JOIN contacts n ON n.campaign_id = ? AND n.phone = k.phone
                WHERE k.campaign_id = ? AND k.state <> 'ARCHIVED'""", to, from);
        // A contact with one number on a do-not-call list is closed now; one with several keeps its others, whose
        // blocked ones its attempt chain skips (a contact with every number blocked is closed when it is claimed).
        Jdbc.update(c, """
                UPDATE contacts SET state = 'CLOSED', closed_reason = 'DO_NOT_CALL' WHERE campaign_id = ?
                  AND phone IN (SELECT phone FROM do_not_call WHERE campaign_id IN (?, 0))
                  AND NOT EXISTS (SELECT 1 FROM contact_numbers m WHERE m.contact_id = contacts.id)""", to, to);
    }

    /** Copies the row of {@code table} keyed by {@code from} as the row of {@code to}, every column as it is. */
    private static void copyRow(Connection c, String table, long from, long to) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT * FROM " + table + " WHERE campaign_id = ?", from);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return;
            }
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                columns.add(column);
                values.add("campaign_id".equals(column) ? Long.valueOf(to) : rs.getObject(i));
            }
        }
        // A default row the new campaign was given gives way to the source's.
        Jdbc.update(c, "DELETE FROM " + table + " WHERE campaign_id = ?", to);
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        Jdbc.update(c, "INSERT INTO " + table + "(" + String.join(", ", columns) + ") VALUES (" + marks + ")", values.toArray());
    }

    /**
     * A contact the source abandoned (or, under Ofcom, reached a machine at) is not due in the copy before the
     * source's lockout for it ends, though the copy's contacts are otherwise due at once.
     */
    private static void lockouts(Connection c, Campaign source, long copyId, long nowMillis) throws SQLException {
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
