package io.pacer.store.journal;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.campaign.CampaignSchedule;
import io.pacer.store.compliance.DialRefusals;
import io.pacer.store.compliance.RefusalReason;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.contact.DoNotCallList;
import io.pacer.engine.port.Clock;
import io.pacer.engine.port.ContactSlot;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The hopper's own thread: keeps each running campaign's queue filled with contacts that are due, in their
 * calling window, not blocked, with consent when the campaign requires it, while the campaign is open, and
 * writes back what the core hands back. Every due contact turned away is recorded with its reason
 * ({@link DialRefusals}) in the batch that turns it away.
 *
 * <p>A contact is marked DIALING in the same transaction that selects it, and that transaction commits before
 * the contact enters the queue: whatever happens later, the database knows the contact left the list, so it is
 * never handed out twice and crash recovery finds it.
 */
public final class HopperRefill implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HopperRefill.class.getName());
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long RELOAD_MILLIS = 1000;
    /** A contact refused for want of consent is looked at again this much later (sooner once consent is given). */
    static final long CONSENT_RECHECK_MILLIS = ContactClaim.CONSENT_RECHECK_MILLIS;

    private final Database db;
    private final CampaignRepository campaigns;
    private final ContactHopper hopper;
    private final DoNotCallList doNotCall;
    private final Clock clock;
    private final Map<Integer, Running> running = new ConcurrentHashMap<>();
    private final AtomicLong loaded = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;

    /** State of one running campaign, owned by the refill thread. */
    private static final class Running {
        final int capacity;
        volatile boolean stopRequested;
        /** Stop without writing: the campaign's lease is lost and its contacts are its next holder's to recover. */
        volatile boolean dropRequested;
        Campaign campaign;
        long loadedAtMillis = Long.MIN_VALUE;
        final ContactClaim claim = new ContactClaim();
        long claimLoadedAtMillis = Long.MIN_VALUE + 1;

        Running(int capacity) {
            this.capacity = capacity;
        }
    }

    /** Starts the refill thread; campaigns are added with {@link #start}. */
    public HopperRefill(Database db, CampaignRepository campaigns, ContactHopper hopper, DoNotCallList doNotCall, Clock clock) {
        this.db = db;
        this.campaigns = campaigns;
        this.hopper = hopper;
        this.doNotCall = doNotCall;
        this.clock = clock;
        this.thread = new Thread(this::run, "pacer-hopper-refill");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts filling a campaign's queue with up to {@code capacity} contacts ahead of the core. */
    public void start(int campaignId, int capacity) {
        running.computeIfAbsent(campaignId, id -> new Running(capacity)).stopRequested = false;
    }

    /**
     * Stops filling a campaign and returns once what its queue held is back on the list (READY, no attempt),
     * or after two seconds if the refill thread is busy (it still hands them back on its next turn).
     */
    public void stop(int campaignId) {
        Running r = running.get(campaignId);
        if (r == null) {
            return;
        }
        r.stopRequested = true;
        long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (running.get(campaignId) == r && thread.isAlive() && System.nanoTime() < deadlineNanos) {
            LockSupport.parkNanos(TICK_NANOS / 10);
        }
    }

    /**
     * Stops filling a campaign whose lease this engine lost and forgets what its queue held, writing nothing: the
     * contacts stay DIALING without a placed call, and the node that takes the campaign over puts them back on
     * the list (crash recovery), so nothing here can overwrite what that node has claimed since.
     */
    public void drop(int campaignId) {
        Running r = running.get(campaignId);
        if (r != null) {
            r.dropRequested = true;
        }
    }

    /** Contacts loaded into queues since start (a counter for metrics). */
    public long loadedCount() {
        return loaded.get();
    }

    private void run() {
        while (!stopping) {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "hopper refill failed, retrying", e);
                // The database may be briefly unavailable; the next tick tries again and nothing was handed out.
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    private void tick() {
        long now = clock.epochMillis();
        for (Map.Entry<Integer, Running> e : running.entrySet()) {
            int id = e.getKey();
            Running r = e.getValue();
            ContactHopper.CampaignQueue queue = hopper.queue(id, r.capacity);
            if (r.dropRequested) {
                ContactHopper.takeAll(queue, new ArrayList<>());
                running.remove(id, r);
                continue;
            }
            if (r.stopRequested) {
                List<Long> queued = new ArrayList<>();
                ContactHopper.takeAll(queue, queued);
                release(queued, now);
                // What the core handed back before the stop is written too, before stop() returns.
                releaseReturned(now);
                running.remove(id, r);
                continue;
            }
            queue.running = true;
            if (r.campaign == null || now - r.loadedAtMillis >= RELOAD_MILLIS) {
                r.campaign = campaigns.get(id);
                r.loadedAtMillis = now;
            }
            long openUntil = CampaignSchedule.openUntilMillis(r.campaign, now);
            queue.openUntilMillis = openUntil;
            int free = r.capacity - queue.ring.size();
            if (openUntil > now && free >= Math.max(1, r.capacity / 2)) {
                List<HopperEntry> claimed = claim(r, now, free);
                if (r.dropRequested) {
                    // The lease went while the claim ran: these are the next holder's to recover, not ours to queue.
                    continue;
                }
                if (stopping || r.stopRequested) {
                    // A stop came while the claim ran (a slow database): whoever emptied the queue has done so
                    // already, so these go straight back rather than into a queue nobody will empty.
                    List<Long> ids = new ArrayList<>();
                    for (HopperEntry entry : claimed) {
                        ids.add(entry.contactId());
                    }
                    release(ids, now);
                    continue;
                }
                for (HopperEntry entry : claimed) {
                    queue.ring.offer(entry);
                }
            }
        }
        releaseReturned(now);
    }

    private List<HopperEntry> claim(Running r, long now, int limit) {
        return db.write(c -> {
            if (r.claimLoadedAtMillis != r.loadedAtMillis) {
                r.claim.reload(c, r.campaign.id());
                r.claimLoadedAtMillis = r.loadedAtMillis;
            }
            if (!hopper.fence().holds(c, (int) r.campaign.id())) {
                return List.<HopperEntry>of();
            }
            List<HopperEntry> entries = r.claim.claim(c, r.campaign, doNotCall, now, limit);
            loaded.addAndGet(entries.size());
            return entries;
        });
    }

    private void releaseReturned(long now) {
        List<Long> ids = new ArrayList<>();
        long v;
        while ((v = hopper.pollReturned()) != 0) {
            ids.add(v);
        }
        release(ids, now);
    }

    /**
     * Writes back contacts that left the hopper undialled: a plain id returns to the list as it was (READY, or
     * CALLBACK when a callback waits), with no attempt and no delay; an id marked blocked is closed, unless the
     * contact has other numbers (its chain then skips the blocked one) and the agent did not ask.
     */
    private void release(List<Long> ids, long now) {
        if (ids.isEmpty()) {
            return;
        }
        List<Object[]> agentBlocked = new ArrayList<>();
        db.write(c -> {
            try (PreparedStatement back = c.prepareStatement(
                    "UPDATE contacts SET state = CASE WHEN callback_id IS NULL THEN 'READY' ELSE 'CALLBACK' END WHERE id = ? AND state = 'DIALING'");
                 PreparedStatement blocked = c.prepareStatement(
                         "UPDATE contacts SET state = 'CLOSED', closed_reason = 'DO_NOT_CALL' WHERE id = ? AND state = 'DIALING' "
                         + "AND (? = 1 OR (SELECT COUNT(*) FROM contact_numbers WHERE contact_id = ?) <= 1)")) {
                for (long id : ids) {
                    if ((id & ContactHopper.AGENT_DO_NOT_CALL) != 0) {
                        long contactId = id & ~(ContactHopper.BLOCKED | ContactHopper.AGENT_DO_NOT_CALL);
                        Jdbc.one(c, "SELECT campaign_id, phone FROM contacts WHERE id = ?",
                                rs -> new Object[] {rs.getLong(1), rs.getString(2)}, contactId).ifPresent(row -> agentBlocked.add(row));
                    }
                    long contactId = id & ~(ContactHopper.BLOCKED | ContactHopper.AGENT_DO_NOT_CALL);
                    if (id < 0) {
                        Jdbc.bind(blocked, contactId, (id & ContactHopper.AGENT_DO_NOT_CALL) != 0, contactId);
                        blocked.addBatch();
                    }
                    // A blocked contact with other numbers is still DIALING after the close above: back it goes.
                    Jdbc.bind(back, contactId);
                    back.addBatch();
                }
                blocked.executeBatch();
                back.executeBatch();
            }
            for (Object[] row : agentBlocked) {
                doNotCall.add(c, (Long) row[0], (String) row[1], now);
            }
            return null;
        });
        for (Object[] row : agentBlocked) {
            doNotCall.remember((Long) row[0], (String) row[1]);
        }
    }

    /**
     * Stops the thread, then returns every queued contact of every campaign (running or stopped) to the list
     * with no attempt, and writes back what the core handed back, so a clean shutdown leaves nothing queued
     * DIALING. Only calls actually placed and still up stay DIALING (crash recovery books them).
     */
    @Override
    public void close() {
        stopping = true;
        // Wakes the thread from its pause between ticks, never interrupts it: an interrupt landing in a claim's
        // JDBC call could fail it after its contacts were committed DIALING, and they would reach no queue.
        LockSupport.unpark(thread);
        try {
            // Waits out a claim in progress (its contacts are committed DIALING before they reach a queue): leaving
            // earlier would strand them. A claim takes milliseconds; a loaded or failing database may take longer.
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> queued = new ArrayList<>();
        for (ContactHopper.CampaignQueue queue : hopper.all()) {
            if (queue != null) {
                ContactHopper.takeAll(queue, queued);
            }
        }
        long now = clock.epochMillis();
        release(queued, now);
        releaseReturned(now);
    }
}
