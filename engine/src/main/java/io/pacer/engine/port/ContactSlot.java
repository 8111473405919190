package io.pacer.engine.port;

/**
 * A reusable holder the core passes to {@link ContactSupply#next}; the supply fills it with the next contact
 * due. Reused for every dial, so the hot path allocates nothing.
 */
public final class ContactSlot {
    /** Contact id in the campaign's list. */
    public long contactId;
    /** Number to dial, E.164. */
    public String number;
    /**
     * {@link #ASSURED} in {@link #ownerAgentId}: the contact is assured (issue 12), dialled only with an agent of the
     * campaign reserved for it, so its answer is never abandoned.
     */
    public static final int ASSURED = -2;

    /**
     * Agent the contact must go to (personal callback), -1 for any responsible agent, or {@link #ASSURED} for
     * whichever agent is ready, reserved before the dial.
     */
    public int ownerAgentId = -1;
    /**
     * Display number chosen for this contact (rotation, local presence), or {@code null} for the campaign's
     * default. Chosen by the supply off the core's thread, so the core only passes it on.
     */
    public String callerId;
    /**
     * The team a callback belongs to (a team callback's team; a personal callback's owner's teams, where it goes
     * after the grace when the campaign says so), or {@code null}: any agent. Only its agents take the contact.
     */
    public io.pacer.engine.campaign.Responsibles team;
    /** When a callback fell due (epoch ms), from which its owner's grace runs; 0: not known, the grace never runs out. */
    public long dueMillis;

    /** Resets the slot before it is filled again. */
    public void clear() {
        contactId = -1;
        number = null;
        ownerAgentId = -1;
        callerId = null;
        team = null;
        dueMillis = 0;
    }
}
