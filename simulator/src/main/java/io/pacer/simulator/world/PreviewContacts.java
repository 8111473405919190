package io.pacer.simulator.world;

import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import java.util.PriorityQueue;

/**
 * The contact supply of a preview run: the scenario's list ({@link SyntheticContacts} or {@link ChainedContacts})
 * with what storage does to a preview answer on top. A skipped contact is due again after the retry delay and one
 * set to call later at its time, as {@code OutcomeRecorder.preview} sets them, so they are held here until then; an
 * offer the engine takes back at its timeout goes straight back to the list, as the hopper takes it back. Every
 * contact handed back that is not a skip is shown to {@link PreviewAgents}, which is how the world sees a timeout.
 */
final class PreviewContacts implements ContactSupply {
    private final ContactSupply list;
    private final VirtualClock clock;
    private final PreviewAgents agents;
    /** Held contacts: {due nanos, contact id}, soonest first. */
    private final PriorityQueue<long[]> held = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private long holdContact = -1;
    private long holdUntilNanos;

    PreviewContacts(ContactSupply list, VirtualClock clock, PreviewAgents agents) {
        this.list = list;
        this.clock = clock;
        this.agents = agents;
    }

    /** The agent is about to skip {@code contactId}: when the core hands it back, hold it until {@code dueNanos}. */
    void holdNext(long contactId, long dueNanos) {
        holdContact = contactId;
        holdUntilNanos = dueNanos;
    }

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        long now = clock.nowNanos();
        while (!held.isEmpty() && held.peek()[0] <= now) {
            list.giveBack(campaignId, held.poll()[1]);
        }
        return list.next(campaignId, epochMillis, out);
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        if (contactId == holdContact) {
            holdContact = -1;
            held.add(new long[] {holdUntilNanos, contactId});
            return;
        }
        agents.handedBack(contactId);
        list.giveBack(campaignId, contactId);
    }

    @Override
    public void doNotCall(int campaignId, long contactId) {
        list.doNotCall(campaignId, contactId);
    }
}
