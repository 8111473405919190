package io.pacer.loopback;

import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;

/**
 * An endless calling list of made-up numbers, for runs whose customers all live at a virtual or SIPp carrier
 * (the demo, the SIP benchmark). Called on the engine's thread only, like every {@link ContactSupply}.
 */
public final class MadeUpContacts implements ContactSupply {

    private long next;

    @Override
    public boolean next(int campaignId, long epochMillis, ContactSlot out) {
        next++;
        out.contactId = next;
        out.number = "+1555" + (1_000_000 + next % 9_000_000);
        return true;
    }

    @Override
    public void giveBack(int campaignId, long contactId) {
        // Numbers are made up on demand: nothing to put back.
    }
}
