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
    private long handedOut;
    private long doNotCall;

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        out.contactId = returnedCount > 0 ? returned[--returnedCount] : next++;
        out.number = NUMBER;
        handedOut++;
        return true;
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        handedOut--;
        if (returnedCount < returned.length) {
            returned[returnedCount++] = contactId;
        }
    }

    @Override
    public void doNotCall(int campaignId, long contactId) {
        handedOut--;
        doNotCall++;
    }

    /** Contacts handed out and not given back. */
    public long handedOut() {
        return handedOut;
    }
}
