package io.pacer.store.journal;

import io.pacer.engine.collections.SpscLongRing;
import io.pacer.engine.collections.SpscRing;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.store.contact.DoNotCallList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The in-memory hopper the core takes contacts from: per running campaign a bounded lock-free queue that the
 * {@link HopperRefill} thread keeps filled ahead of need, so {@link #next} answers from memory at once.
 *
 * <p>Threads: {@link #next} and {@link #giveBack} run on the core's thread only (the single consumer of each
 * campaign queue and the single producer of the give-back ring); the refill thread is the single producer of
 * the campaign queues and the consumer of the give-back ring. Nothing here locks.
 *
 * <p>Before a contact leaves {@link #next} it is checked once more against the do-not-call list (a number may
 * have been blocked after it was loaded), the campaign's hours and the contact's calling window; a contact
 * that fails goes back to the refill thread, which closes or releases it in the database (a contact with other
 * numbers goes back to the list: the blocked number is skipped, not the contact).
 *
 * <p>When a campaign stops, the core no longer asks for its contacts, so the refill thread itself takes what its
 * queue holds back ({@link #takeAll}) and returns it to the list: a stop strands nothing in memory.
 */
public final class ContactHopper implements ContactSupply {

    /** Marks a contact id in the give-back ring as blocked by do-not-call rather than merely returned. */
    static final long BLOCKED = Long.MIN_VALUE;
    /** With {@link #BLOCKED}: the agent said "do not call", so the number enters the campaign's list too. */
    static final long AGENT_DO_NOT_CALL = 1L << 62;

    private final DoNotCallList doNotCall;
    private final SpscLongRing returned = new SpscLongRing(1 << 16);
    private final Queue<Long> returnedOverflow = new ConcurrentLinkedQueue<>();
    private final CampaignFence fence;
    private volatile CampaignQueue[] byCampaign = new CampaignQueue[16];

    /** A hopper checking numbers against {@code doNotCall}, for an engine alone on its database. */
    public ContactHopper(DoNotCallList doNotCall) {
        this(doNotCall, CampaignFence.ALWAYS);
    }

    /** A hopper that hands out a campaign's contacts only while {@code fence} says this engine may dial it. */
    public ContactHopper(DoNotCallList doNotCall, CampaignFence fence) {
        this.doNotCall = doNotCall;
        this.fence = fence;
    }

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        CampaignQueue[] queues = byCampaign;
        CampaignQueue queue = campaignId < queues.length ? queues[campaignId] : null;
        if (queue == null) {
            return false;
        }
        // Dekker's handshake with takeAll(): the core announces it is inside before it reads running, the refill
        // thread clears running before it reads coreInside, so at most one of them polls the queue.
        queue.coreInside = true;
        boolean found = queue.running && epochMillis < queue.openUntilMillis && fence.dialable(campaignId)
                && take(queue, campaignId, epochMillis, out);
        queue.coreInside = false;
        return found;
    }

    private boolean take(CampaignQueue queue, int campaignId, long epochMillis, ContactSlot out) {
        HopperEntry entry;
        while ((entry = queue.ring.poll()) != null) {
            if (doNotCall.blocks(campaignId, entry.number())) {
                handBack(entry.contactId() | BLOCKED);
            } else if (epochMillis >= entry.dialableUntilMillis()) {
                handBack(entry.contactId());
            } else {
                out.clear();
                out.contactId = entry.contactId();
                out.number = entry.number();
                out.ownerAgentId = entry.ownerAgentId();
                out.callerId = entry.callerId();
                out.team = entry.team();
                out.dueMillis = entry.dueMillis();
                return true;
            }
        }
        return false;
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        handBack(contactId);
    }

    /** The refill thread closes the contact and adds its number to the campaign's do-not-call list. */
    @Override
    public void doNotCall(int campaignId, long contactId) {
        handBack(contactId | BLOCKED | AGENT_DO_NOT_CALL);
    }

    /** Contacts waiting in a campaign's queue now. */
    public int size(int campaignId) {
        CampaignQueue[] queues = byCampaign;
        CampaignQueue queue = campaignId < queues.length ? queues[campaignId] : null;
        return queue == null ? 0 : queue.ring.size();
    }

    private void handBack(long value) {
        if (!returned.offer(value)) {
            returnedOverflow.add(value);
        }
    }

    /**
     * Refill side, when a campaign stops or storage closes: stops the core taking from the campaign's queue, waits
     * until the core is out of {@link #next}, then empties the queue into {@code into} (contact ids). From then
     * on the core never takes from this queue until the refill thread sets it running again.
     */
    static void takeAll(CampaignQueue queue, java.util.List<Long> into) {
        queue.running = false;
        queue.openUntilMillis = Long.MIN_VALUE;
        while (queue.coreInside) {
            Thread.onSpinWait();
        }
        HopperEntry entry;
        while ((entry = queue.ring.poll()) != null) {
            into.add(entry.contactId());
        }
    }

    /** The fence the hopper and its refill obey. */
    CampaignFence fence() {
        return fence;
    }

    /** Every campaign queue there is (refill thread, or the closing thread once the core has stopped). */
    CampaignQueue[] all() {
        return byCampaign;
    }

    /** The queue of a campaign, created on the refill thread when the campaign starts. */
    CampaignQueue queue(int campaignId, int capacity) {
        CampaignQueue[] queues = byCampaign;
        if (campaignId >= queues.length) {
            CampaignQueue[] grown = new CampaignQueue[Math.max(campaignId + 1, queues.length * 2)];
            System.arraycopy(queues, 0, grown, 0, queues.length);
            queues = grown;
        }
        if (queues[campaignId] == null) {
            queues[campaignId] = new CampaignQueue(capacity);
        }
        byCampaign = queues;
        return queues[campaignId];
    }

    /**
     * Refill side: the next contact id handed back, {@code id | BLOCKED} for a do-not-call hit, or 0 when
     * there is none.
     */
    long pollReturned() {
        long value = returned.poll(0);
        if (value != 0) {
            return value;
        }
        Long overflow = returnedOverflow.poll();
        return overflow == null ? 0 : overflow;
    }

    /** One campaign's queue and the deadline the core compares against. */
    static final class CampaignQueue {
        final SpscRing<HopperEntry> ring;
        volatile long openUntilMillis = Long.MIN_VALUE;
        volatile boolean running = true;
        /** Set by the core while it is inside {@link ContactHopper#next} for this campaign. */
        volatile boolean coreInside;

        CampaignQueue(int capacity) {
            ring = new SpscRing<>(capacity);
        }
    }
}
