package io.pacer.store.cluster;

import io.pacer.store.db.Database;
import io.pacer.store.db.Dialect;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaigns' leases and the nodes' heartbeats in the database. Every time here is the database's clock
 * ({@link Dialect#nowMillis()}), so the nodes compare expiries on one clock whatever their own say. A lease is the
 * campaign's lock owner with an expiry; taking one is a conditional update, so of several nodes that see the same
 * expired lease exactly one takes it.
 */
public final class CampaignLeases {

    /**
     * What taking a lease found.
     *
     * @param previousOwner the node that held it before, or {@code null}
     * @param recover       whether the campaign must be recovered first: it was held by another node, or by this one
     *                      under a lease that expired (contacts it had queued are still DIALING)
     */
    public record Taken(String previousOwner, boolean recover) {
    }

    private final Database db;
    private final String now;

    /** Leases over a database. */
    public CampaignLeases(Database db) {
        this.db = db;
        this.now = db.dialect().nowMillis();
    }

    /**
     * Takes the lease of a campaign for {@code owner}: succeeds when no node holds it, {@code owner} holds it, or
     * its holder's lease has expired; a conflict naming the holder otherwise, not found or done as the lock does.
     */
    public Taken take(long campaignId, String owner, long leaseMillis) {
        return db.write(c -> {
            String lockRow = db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
            Object[] row = Jdbc.one(c, "SELECT lock_owner, lease_expires_millis, done, " + now
                    + " FROM campaigns WHERE id = ?" + lockRow, rs -> new Object[] {rs.getString(1),
                        Jdbc.nullableLong(rs, "lease_expires_millis"), rs.getInt(3), rs.getLong(4)}, campaignId)
                    .orElseThrow(() -> new NotFoundException("campaignId", campaignId));
            String holder = (String) row[0];
            Long expires = (Long) row[1];
            long nowMillis = (Long) row[3];
            if ((Integer) row[2] == 1) {
                throw new ConflictException("done", "campaign is done and read-only");
            }
            boolean expired = expires != null && expires < nowMillis;
            if (holder != null && !holder.equals(owner) && !expired) {
                throw new ConflictException("lock", "campaign is leased by node " + holder
                        + (expires == null ? "; an administrator can clear a stale lock"
                        : " until " + expires + " (epoch ms, database clock)"));
            }
            Jdbc.update(c, "UPDATE campaigns SET lock_owner = ?, lock_since_millis = " + now + ", lease_expires_millis = "
                    + now + " + ? WHERE id = ?", owner, leaseMillis, campaignId);
            return new Taken(holder, holder != null && (!holder.equals(owner) || expired));
        });
    }

    /**
     * Renews {@code owner}'s leases on {@code campaignIds} that have not expired, and records the node's heartbeat.
     *
     * @return the campaigns renewed; any other was lost (expired, taken over, stopped or cleared)
     */
    public List<Long> renew(String owner, List<Long> campaignIds, long leaseMillis) {
        return db.write(c -> {
            beat(c, owner, leaseMillis);
            List<Long> renewed = new ArrayList<>();
            for (long id : campaignIds) {
                if (Jdbc.update(c, "UPDATE campaigns SET lease_expires_millis = " + now + " + ? WHERE id = ? AND lock_owner = ?"
                        + " AND lease_expires_millis >= " + now, leaseMillis, id, owner) == 1) {
                    renewed.add(id);
                }
            }
            return renewed;
        });
    }

    /** Campaigns whose holder's lease has expired: a dead or cut-off node's, waiting for another to take them. */
    public List<Long> expired() {
        return db.read(c -> Jdbc.query(c, "SELECT id FROM campaigns WHERE lock_owner IS NOT NULL AND done = 0"
                + " AND lease_expires_millis IS NOT NULL AND lease_expires_millis < " + now + " ORDER BY id", rs -> rs.getLong(1)));
    }

    /** Releases {@code owner}'s lease on a campaign (a clean stop): no node holds it afterwards. */
    public void release(long campaignId, String owner) {
        db.write(c -> Jdbc.update(c, "UPDATE campaigns SET lock_owner = NULL, lock_since_millis = NULL,"
                + " lease_expires_millis = NULL WHERE id = ? AND lock_owner = ?", campaignId, owner));
    }

    /**
     * Inside a claim's transaction: whether {@code owner} holds an unexpired lease on the campaign. The row stays
     * share-locked until the claim commits, so a node taking the campaign over waits for the claim, and its
     * recovery then sees the contacts the claim marked.
     */
    public boolean holds(Connection c, long campaignId, String owner) throws SQLException {
        String lockRow = db.dialect() == Dialect.POSTGRESQL ? " FOR SHARE" : "";
        return Jdbc.one(c, "SELECT 1 FROM campaigns WHERE id = ? AND lock_owner = ? AND lease_expires_millis >= " + now
                + lockRow, rs -> 1, campaignId, owner).isPresent();
    }

    /** Every node that has beaten, oldest first, with the campaigns it holds under an unexpired lease. */
    public List<NodeLeases> nodes() {
        return db.read(c -> {
            Map<String, List<Long>> held = new LinkedHashMap<>();
            for (Object[] row : Jdbc.query(c, "SELECT lock_owner, id FROM campaigns WHERE lock_owner IS NOT NULL AND"
                    + " lease_expires_millis >= " + now + " ORDER BY id", rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
                held.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((Long) row[1]);
            }
            return Jdbc.query(c, "SELECT id, started_millis, heartbeat_millis, heartbeat_millis + lease_millis >= " + now
                    + " FROM nodes ORDER BY started_millis, id", rs -> new NodeLeases(rs.getString(1), rs.getLong(2),
                    rs.getLong(3), rs.getBoolean(4), held.getOrDefault(rs.getString(1), List.of())));
        });
    }

    private void beat(Connection c, String owner, long leaseMillis) throws SQLException {
        Jdbc.update(c, "INSERT INTO nodes(id, started_millis, heartbeat_millis, lease_millis) VALUES (?, " + now + ", "
                + now + ", ?) ON CONFLICT (id) DO UPDATE SET heartbeat_millis = " + now + ", lease_millis = ?",
                owner, leaseMillis, leaseMillis);
    }
}
