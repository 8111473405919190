package io.pacer.store.contact;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers that must never be dialled: a global list and one per campaign. Stored in the database and mirrored
 * in memory, so the hopper can check a number right before it hands a contact to the core without touching
 * the database: {@link #blocks} reads concurrent sets and neither locks nor allocates. Campaign id 0 is the
 * global list.
 */
public final class DoNotCallList {

    /** The campaign id under which global entries are stored. */
    public static final long GLOBAL = 0;

    private final Database db;
    private final Set<String> global = ConcurrentHashMap.newKeySet();
    /** Indexed by campaign id, so the core's check neither boxes the id nor locks; replaced when it grows. */
    private volatile Set<String>[] perCampaign = newSets(16);

    /** Loads the stored lists into memory. */
    public DoNotCallList(Database db) {
        this.db = db;
        db.read(c -> {
            for (Object[] row : Jdbc.query(c, "SELECT campaign_id, phone FROM do_not_call",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
                remember((Long) row[0], (String) row[1]);
            }
            return null;
        });
    }

    /** Whether a number (E.164) must not be dialled for a campaign. */
    public boolean blocks(long campaignId, String e164) {
        if (global.contains(e164)) {
            return true;
        }
        Set<String>[] sets = perCampaign;
        Set<String> campaign = campaignId < sets.length ? sets[(int) campaignId] : null;
        return campaign != null && campaign.contains(e164);
    }

    /** Adds a number to the global list ({@code campaignId} 0) or a campaign's; answers once committed. */
    public void add(long campaignId, String e164, long nowMillis) {
        db.write(c -> {
            add(c, campaignId, e164, nowMillis);
            return null;
        });
        remember(campaignId, e164);
    }

    /**
     * Adds inside a running transaction; the caller calls {@link #remember} after the commit so memory never
     * blocks a number the database does not.
     */
    public void add(Connection c, long campaignId, String e164, long nowMillis) throws SQLException {
        Jdbc.update(c, "INSERT INTO do_not_call(campaign_id, phone, created_millis) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                campaignId, e164, nowMillis);
        // Contacts already in the list leave it now, unless another of their numbers may still be called (the
        // blocked number is skipped, not the contact); the hopper also checks each one before the core gets it.
        String otherNumberCallable = " AND NOT EXISTS (SELECT 1 FROM contact_numbers n WHERE n.contact_id = contacts.id"
                + " AND n.number NOT IN (SELECT d.phone FROM do_not_call d WHERE d.campaign_id IN (contacts.campaign_id, 0)))";
        // Each contact closed is recorded as refused for the compliance audit (dial_refusals), in this transaction.
        String which = campaignId == GLOBAL ? "phone = ?" : "campaign_id = ? AND phone = ?";
        Object[] params = campaignId == GLOBAL ? new Object[] {nowMillis, e164} : new Object[] {nowMillis, campaignId, e164};
        Jdbc.update(c, "INSERT INTO dial_refusals(campaign_id, contact_id, number, reason, at_millis) "
                + "SELECT campaign_id, id, phone, 'DO_NOT_CALL', ? FROM contacts WHERE " + which
                + " AND state IN ('READY', 'CALLBACK')" + otherNumberCallable, params);
        if (campaignId == GLOBAL) {
            Jdbc.update(c, "UPDATE contacts SET state = 'CLOSED', closed_reason = 'DO_NOT_CALL' WHERE phone = ? AND state IN ('READY', 'CALLBACK')"
                    + otherNumberCallable, e164);
        } else {
            Jdbc.update(c, "UPDATE contacts SET state = 'CLOSED', closed_reason = 'DO_NOT_CALL' WHERE campaign_id = ? AND phone = ? AND state IN ('READY', 'CALLBACK')"
                    + otherNumberCallable, campaignId, e164);
        }
    }

    /** Mirrors a committed entry in memory. */
    public void remember(long campaignId, String e164) {
        if (campaignId == GLOBAL) {
            global.add(e164);
        } else {
            campaignSet(campaignId).add(e164);
        }
    }

    private synchronized Set<String> campaignSet(long campaignId) {
        Set<String>[] sets = perCampaign;
        if (campaignId >= sets.length) {
            Set<String>[] grown = newSets((int) Math.max(campaignId + 1, sets.length * 2L));
            System.arraycopy(sets, 0, grown, 0, sets.length);
            sets = grown;
        }
        if (sets[(int) campaignId] == null) {
            sets[(int) campaignId] = ConcurrentHashMap.newKeySet();
        }
        perCampaign = sets;
        return sets[(int) campaignId];
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newSets(int size) {
        return (Set<String>[]) new Set<?>[size];
    }

    /** Removes a number from a list. */
    public boolean remove(long campaignId, String e164) {
        int removed = db.write(c -> Jdbc.update(c, "DELETE FROM do_not_call WHERE campaign_id = ? AND phone = ?", campaignId, e164));
        if (campaignId == GLOBAL) {
            global.remove(e164);
        } else {
            campaignSet(campaignId).remove(e164);
        }
        return removed > 0;
    }

    /** The entries of one list. */
    public List<String> list(long campaignId) {
        return db.read(c -> Jdbc.query(c, "SELECT phone FROM do_not_call WHERE campaign_id = ? ORDER BY phone",
                rs -> rs.getString(1), campaignId));
    }
}
