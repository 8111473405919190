package io.pacer.store.cluster;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.error.ConflictException;
import io.pacer.store.journal.CampaignFence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * Holds this node's campaigns under leases: a heartbeat thread renews them (and takes over campaigns whose holder's
 * lease expired), a watch thread gives up any campaign whose last good renewal began more than
 * {@link LeaseSettings#dialableMillis()} ago. The keeper is the hopper's {@link CampaignFence}: the core receives a
 * contact only while the campaign's dialable deadline is ahead, read from an array of nanosecond deadlines. A failed
 * renewal closes every fence at once (a renewal that succeeds before the deadline opens them again); a renewal that
 * hangs is cut short by the deadline itself, even before the watch thread notices.
 *
 * <p>A campaign this node lost is not taken back by it automatically: its calls placed before the loss may still be
 * up, and recovering the campaign here would book them interrupted while they end; another node takes it over, or
 * an operator starts it again.
 */
public final class LeaseKeeper implements CampaignFence, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LeaseKeeper.class.getName());

    private final CampaignLeases leases;
    private final String nodeId;
    private final LeaseSettings settings;
    private final LongFunction<Campaign> start;
    private final LongConsumer drop;
    private final Map<Long, Long> dialableUntilNanos = new ConcurrentHashMap<>();
    private final Set<Long> lostHere = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService threads;
    private volatile AtomicLongArray gate = closedGate(64);
    private volatile LeaseListener listener;
    private volatile boolean takingOver = true;

    /**
     * Starts the heartbeat and the watch.
     *
     * @param start starts a campaign on this node (takes its lease, recovers it if needed, fills its hopper)
     * @param drop  stops filling a lost campaign's hopper without writing anything
     */
    public LeaseKeeper(CampaignLeases leases, String nodeId, LeaseSettings settings, LongFunction<Campaign> start,
            LongConsumer drop) {
        this.leases = leases;
        this.nodeId = nodeId;
        this.settings = settings;
        this.start = start;
        this.drop = drop;
        threads = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "pacer-leases");
            t.setDaemon(true);
            return t;
        });
        threads.scheduleWithFixedDelay(this::beat, 0, settings.heartbeatMillis(), TimeUnit.MILLISECONDS);
        long watchMillis = Math.max(10, Math.min(100, settings.heartbeatMillis() / 4));
        threads.scheduleAtFixedRate(this::watch, watchMillis, watchMillis, TimeUnit.MILLISECONDS);
    }

    /** From now on, campaigns whose holder's lease expired are taken over and handed to {@code to}. */
    public void listen(LeaseListener to) {
        this.listener = to;
    }

    /**
     * Takes a campaign's lease for this node (see {@link CampaignLeases#take}) and opens its fence.
     *
     * @return what the taking found: whether the campaign must be recovered before its hopper fills
     */
    public CampaignLeases.Taken take(long campaignId) {
        long startedNanos = System.nanoTime();
        CampaignLeases.Taken taken = leases.take(campaignId, nodeId, settings.leaseMillis());
        lostHere.remove(campaignId);
        renewed(campaignId, startedNanos + TimeUnit.MILLISECONDS.toNanos(settings.dialableMillis()));
        return taken;
    }

    /** Releases a campaign stopped on this node: its fence closes and no node holds it. */
    public void release(long campaignId) {
        close(campaignId);
        leases.release(campaignId, nodeId);
    }

    /** The campaigns this node holds now. */
    public List<Long> held() {
        return List.copyOf(new java.util.TreeSet<>(dialableUntilNanos.keySet()));
    }

    /** This node's id (the lock owner of its leases). */
    public String nodeId() {
        return nodeId;
    }

    /** Every node sharing the database and its leases. */
    public List<NodeLeases> nodes() {
        return leases.nodes();
    }

    @Override
    public boolean dialable(int campaignId) {
        AtomicLongArray deadlines = gate;
        return campaignId < deadlines.length() && deadlines.get(campaignId) - System.nanoTime() > 0;
    }

    @Override
    public boolean holds(Connection c, int campaignId) throws SQLException {
        return leases.holds(c, campaignId, nodeId);
    }

    /** Takes over no more campaigns (a node that is shutting down), but keeps renewing what it holds. */
    public void stopTakingOver() {
        takingOver = false;
    }

    /** Stops the threads; the leases this node still holds expire on their own and other nodes take them over. */
    @Override
    public void close() {
        takingOver = false;
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void beat() {
        long startedNanos = System.nanoTime();
        List<Long> mine = new ArrayList<>(dialableUntilNanos.keySet());
        List<Long> renewed;
        try {
            renewed = leases.renew(nodeId, mine, settings.leaseMillis());
        } catch (RuntimeException e) {
            // Cut off from the database: stop dialling at once. The leases may still hold there, so a renewal that
            // succeeds before the deadline opens the fences again; the watch gives the campaigns up at it.
            LOG.log(System.Logger.Level.WARNING, "lease renewal failed: dialling held on " + mine, e);
            for (long id : mine) {
                shut(id);
            }
            return;
        }
        long until = startedNanos + TimeUnit.MILLISECONDS.toNanos(settings.dialableMillis());
        for (long id : mine) {
            if (renewed.contains(id)) {
                synchronized (this) {
                    if (dialableUntilNanos.containsKey(id)) {
                        renewed(id, until);
                    }
                }
            } else {
                lose(id);
            }
        }
        if (takingOver && listener != null) {
            takeOverExpired();
        }
    }

    private void takeOverExpired() {
        List<Long> expired;
        try {
            expired = leases.expired();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "looking for expired leases failed", e);
            return;
        }
        for (long id : expired) {
            if (lostHere.contains(id) || !takingOver) {
                continue;
            }
            try {
                Campaign campaign = start.apply(id);
                LOG.log(System.Logger.Level.INFO, "node " + nodeId + " took over campaign " + id);
                listener.acquired(campaign);
            } catch (ConflictException e) {
                // Another node took it first.
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "taking over campaign " + id + " failed", e);
            }
        }
    }

    private void watch() {
        long now = System.nanoTime();
        for (Map.Entry<Long, Long> e : dialableUntilNanos.entrySet()) {
            if (e.getValue() - now <= 0) {
                lose(e.getKey());
            }
        }
    }

    private void lose(long campaignId) {
        if (!close(campaignId)) {
            return;
        }
        lostHere.add(campaignId);
        LOG.log(System.Logger.Level.WARNING, "node " + nodeId + " lost the lease of campaign " + campaignId
                + ": it stops dialling it");
        drop.accept(campaignId);
        LeaseListener to = listener;
        if (to != null) {
            to.lost(campaignId);
        }
    }

    private synchronized boolean close(long campaignId) {
        boolean held = dialableUntilNanos.remove(campaignId) != null;
        AtomicLongArray deadlines = gate;
        if (campaignId < deadlines.length()) {
            deadlines.set((int) campaignId, System.nanoTime());
        }
        return held;
    }

    private synchronized void shut(long campaignId) {
        AtomicLongArray deadlines = gate;
        if (dialableUntilNanos.containsKey(campaignId) && campaignId < deadlines.length()) {
            deadlines.set((int) campaignId, System.nanoTime());
        }
    }

    private synchronized void renewed(long campaignId, long untilNanos) {
        dialableUntilNanos.put(campaignId, untilNanos);
        AtomicLongArray deadlines = gate;
        if (campaignId >= deadlines.length()) {
            AtomicLongArray grown = closedGate((int) Math.max(campaignId + 1, deadlines.length() * 2L));
            for (int i = 0; i < deadlines.length(); i++) {
                grown.set(i, deadlines.get(i));
            }
            deadlines = grown;
            gate = grown;
        }
        deadlines.set((int) campaignId, untilNanos);
    }

    private static AtomicLongArray closedGate(int length) {
        AtomicLongArray deadlines = new AtomicLongArray(length);
        long now = System.nanoTime();
        for (int i = 0; i < length; i++) {
            deadlines.set(i, now);
        }
        return deadlines;
    }
}
