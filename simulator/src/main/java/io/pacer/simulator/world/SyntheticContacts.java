package io.pacer.simulator.world;

import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;

/**
 * A list that never runs out: contacts are numbered 1, 2, 3, ... and each is handed out once. A contact handed
 * back (not dialled after all) is handed out again before any new one, so none is lost.
 */
public final class SyntheticContacts implements ContactSupply {
    private static final String NUMBER = "+10000000000";
    private long next = 1;
    private final long[] returned = new long[1024];
    private int returnedCount;

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        out.contactId = returnedCount > 0 ? returned[--returnedCount] : next++;
        out.number = NUMBER;
        return true;
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        if (returnedCount < returned.length) {
            returned[returnedCount++] = contactId;
        }
    }

    @Override
    public void doNotCall(int campaignId, long contactId) {
        // The number leaves the list: it is never handed out again.
    }
}
