package io.pacer.store.cluster;

/**
 * How a node holds its campaigns on a shared database: it renews its leases every {@code heartbeatMillis}, each
 * renewal good for {@code leaseMillis} on the database's clock. A node stops dialling a campaign once
 * {@code leaseMillis - heartbeatMillis} have passed since the start of its last good renewal, so the calls it placed
 * last have a heartbeat's time to end before another node may take the campaign over; another node takes it over
 * once the lease has expired. {@link #LOCKS} keeps the single-engine behaviour: a lock held until released.
 *
 * @param heartbeatMillis how often leases are renewed and expired ones looked for (default 3 s)
 * @param leaseMillis     how long a renewal holds (default 10 s); more than twice the heartbeat
 */
public record LeaseSettings(long heartbeatMillis, long leaseMillis) {

    /** Locks, not leases: one engine on its database (SQLite). */
    public static final LeaseSettings LOCKS = new LeaseSettings(0, 0);

    /** Validates the pair (a lease must outlive two heartbeats, or one late renewal would lose it). */
    public LeaseSettings {
        if (heartbeatMillis != 0 || leaseMillis != 0) {
            if (heartbeatMillis < 50) {
                throw new IllegalArgumentException("heartbeatMillis: must be at least 50, was " + heartbeatMillis);
            }
            if (leaseMillis < 2 * heartbeatMillis) {
                throw new IllegalArgumentException("leaseMillis: must be at least twice heartbeatMillis ("
                        + 2 * heartbeatMillis + "), was " + leaseMillis);
            }
        }
    }

    /** The defaults: a heartbeat every 3 s, leases of 10 s. */
    public static LeaseSettings defaults() {
        return new LeaseSettings(3_000, 10_000);
    }

    /** Whether campaigns are held under leases (rather than locks). */
    public boolean leased() {
        return leaseMillis > 0;
    }

    /** How long after the start of its last good renewal a node may still dial a campaign. */
    public long dialableMillis() {
        return leaseMillis - heartbeatMillis;
    }
}
