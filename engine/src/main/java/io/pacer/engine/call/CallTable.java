package io.pacer.engine.call;

import io.pacer.engine.collections.IndexLinks;

/**
 * Every call in flight in flat arrays of slots, owned by the core's thread. A call id is a sequence number in
 * the high bits over the slot in the low {@value #SLOT_BITS} bits: an event or timer about a call that has since
 * ended (and whose slot was reused) finds a different id in the slot and is ignored. The sequence never falls
 * behind the wall clock in milliseconds ({@code max(previous + 1, now)}), so a restarted engine starts above
 * every id the previous run handed out (unless that run averaged more than 1,000 calls a second over its whole
 * life): records and activities keyed by call id stay unique across restarts. Calls of a campaign that are in flight (dialing, ringing,
 * cancelling) are kept in an intrusive list; answered calls waiting for an agent in an intrusive FIFO.
 */
public final class CallTable {
    private final int capacity;
    /** Bits of a call id that hold the slot. */
    public static final int SLOT_BITS = 20;
    /** The most slots a table can have. */
    public static final int MAX_CAPACITY = 1 << SLOT_BITS;
    private static final long SLOT_MASK = MAX_CAPACITY - 1;
    private final long[] id;
    private long sequence;
    private final byte[] state;
    private final int[] campaign;
    private final long[] contactId;
    private final String[] number;
    private final String[] callerId;
    private final int[] agent;
    private final int[] reservedAgent;
    private final long[] dialNanos;
    private final long[] answerNanos;
    private final long[] bridgeNanos;
    private final long[] startEpochMillis;
    /** Media analysis per call: verdict ordinal + 1 (0: none), cause ordinal, decision ms, action ordinal + 1. */
    private final byte[] amdVerdict;
    private final byte[] amdCause;
    private final int[] amdDecisionMillis;
    private final byte[] amdAction;
    /** Live answers estimated lost to AMD false positives that this call's verdict brought to a whole number. */
    private final byte[] amdFalsePositives;
    /** Calls a customer placed to the campaign (blending), as opposed to the calls Pacer dials. */
    private final boolean[] inbound;
    private final IndexLinks links;
    private final int[] freeStack;
    private int freeTop;

    /** A table of {@code capacity} call slots. */
    public CallTable(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity: must be within 1.." + MAX_CAPACITY + ", was " + capacity);
        }
        this.capacity = capacity;
        id = new long[capacity];
        state = new byte[capacity];
        campaign = new int[capacity];
        contactId = new long[capacity];
        number = new String[capacity];
        callerId = new String[capacity];
        agent = new int[capacity];
        reservedAgent = new int[capacity];
        dialNanos = new long[capacity];
        answerNanos = new long[capacity];
        bridgeNanos = new long[capacity];
        startEpochMillis = new long[capacity];
        amdVerdict = new byte[capacity];
        amdCause = new byte[capacity];
        amdDecisionMillis = new int[capacity];
        amdAction = new byte[capacity];
        amdFalsePositives = new byte[capacity];
        inbound = new boolean[capacity];
        links = new IndexLinks(capacity);
        freeStack = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeStack[i] = capacity - 1 - i;
        }
        freeTop = capacity;
    }

    /** Slots in use. */
    public int inUse() {
        return capacity - freeTop;
    }

    /** Slots in all. */
    public int capacity() {
        return capacity;
    }

    /**
     * Takes a free slot for a new call and returns its id, or -1 when every slot is in use.
     */
    public long allocate(int campaignId, long contact, String dialed, long nowNanos, long epochMillis) {
        if (freeTop == 0) {
            return -1;
        }
        int slot = freeStack[--freeTop];
        sequence = Math.max(sequence + 1, epochMillis);
        long callId = (sequence << SLOT_BITS) | slot;
        id[slot] = callId;
        state[slot] = (byte) CallState.DIALING.ordinal();
        campaign[slot] = campaignId;
        contactId[slot] = contact;
        number[slot] = dialed;
        callerId[slot] = null;
        agent[slot] = -1;
        reservedAgent[slot] = -1;
        dialNanos[slot] = nowNanos;
        answerNanos[slot] = -1;
        bridgeNanos[slot] = -1;
        startEpochMillis[slot] = epochMillis;
        amdVerdict[slot] = 0;
        amdCause[slot] = 0;
        amdDecisionMillis[slot] = -1;
        amdAction[slot] = 0;
        amdFalsePositives[slot] = 0;
        inbound[slot] = false;
        return callId;
    }

    /** True when the customer called the campaign (an inbound call), false for a call Pacer dialled. */
    public boolean inbound(long callId) {
        return inbound[slot(callId)];
    }

    /** Marks a freshly allocated call as one the customer placed. */
    public void setInbound(long callId) {
        inbound[slot(callId)] = true;
    }

    /** Returns a slot to the pool. */
    public void release(long callId) {
        int slot = slot(callId);
        state[slot] = (byte) CallState.FREE.ordinal();
        number[slot] = null;
        callerId[slot] = null;
        freeStack[freeTop++] = slot;
    }

    /** The slot of a call id. */
    public static int slot(long callId) {
        return (int) (callId & SLOT_MASK);
    }

    /** True when {@code callId} names a call that is still in the table. */
    public boolean live(long callId) {
        if (callId < 0) {
            return false;
        }
        int slot = slot(callId);
        if (slot >= capacity) {
            return false;
        }
        return state[slot] != CallState.FREE.ordinal() && id[slot] == callId;
    }

    /** State without the array copy of {@code values()}: compare with {@link CallState#ordinal()}. */
    public int stateOrdinal(long callId) {
        return state[slot(callId)];
    }

    public void setState(long callId, CallState s) {
        state[slot(callId)] = (byte) s.ordinal();
    }

    public int campaign(long callId) {
        return campaign[slot(callId)];
    }

    public long contactId(long callId) {
        return contactId[slot(callId)];
    }

    public String number(long callId) {
        return number[slot(callId)];
    }

    /** The display number the call presents, or {@code null} for the campaign's or the trunk's default. */
    public String callerId(long callId) {
        return callerId[slot(callId)];
    }

    /** Sets the display number the call presents (chosen by the contact supply, or the campaign's). */
    public void setCallerId(long callId, String presented) {
        callerId[slot(callId)] = presented;
    }

    public int agent(long callId) {
        return agent[slot(callId)];
    }

    public void setAgent(long callId, int agentId) {
        agent[slot(callId)] = agentId;
    }

    public int reservedAgent(long callId) {
        return reservedAgent[slot(callId)];
    }

    public void setReservedAgent(long callId, int agentId) {
        reservedAgent[slot(callId)] = agentId;
    }

    public long dialNanos(long callId) {
        return dialNanos[slot(callId)];
    }

    public long answerNanos(long callId) {
        return answerNanos[slot(callId)];
    }

    public void setAnswerNanos(long callId, long nanos) {
        answerNanos[slot(callId)] = nanos;
    }

    public long bridgeNanos(long callId) {
        return bridgeNanos[slot(callId)];
    }

    public void setBridgeNanos(long callId, long nanos) {
        bridgeNanos[slot(callId)] = nanos;
    }

    /** Records what the media analysis heard about the call. */
    public void setAmdVerdict(long callId, AmdVerdict verdict, AmdCause cause, int decisionMillis) {
        int slot = slot(callId);
        amdVerdict[slot] = (byte) (verdict.ordinal() + 1);
        amdCause[slot] = (byte) cause.ordinal();
        amdDecisionMillis[slot] = decisionMillis;
    }

    /** The media analysis's verdict, or {@code null} when none was heard. */
    public AmdVerdict amdVerdict(long callId) {
        int v = amdVerdict[slot(callId)];
        return v == 0 ? null : AmdVerdict.ofOrdinal(v - 1);
    }

    /** Why the analysis decided. */
    public AmdCause amdCause(long callId) {
        return AmdCause.ofOrdinal(amdCause[slot(callId)]);
    }

    /** Audio analysed when it decided, ms, or -1. */
    public int amdDecisionMillis(long callId) {
        return amdDecisionMillis[slot(callId)];
    }

    /** Records what the core did with the verdict. */
    public void setAmdAction(long callId, AmdAction action) {
        amdAction[slot(callId)] = (byte) (action.ordinal() + 1);
    }

    /** What the core did with the verdict, or {@code null}. */
    public AmdAction amdAction(long callId) {
        int a = amdAction[slot(callId)];
        return a == 0 ? null : AmdAction.ofOrdinal(a - 1);
    }

    /** Records how many estimated false positives this call's verdict made whole (see {@code CampaignRuntime}). */
    public void setAmdFalsePositives(long callId, int count) {
        amdFalsePositives[slot(callId)] = (byte) Math.min(count, Byte.MAX_VALUE);
    }

    /** Estimated false positives this call's verdict made whole. */
    public int amdFalsePositives(long callId) {
        return amdFalsePositives[slot(callId)];
    }

    /** Wall-clock millis of the dial. */
    public long startEpochMillis(long callId) {
        return startEpochMillis[slot(callId)];
    }

    /** The id of the call in a slot (valid only while the slot is in use). */
    public long idOfSlot(int slot) {
        return id[slot];
    }

    /** Adds a call to the tail of a list. */
    public void append(long callId, CallList list) {
        links.append(slot(callId), list.head);
    }

    /** Removes a call from the list it is in. */
    public void remove(long callId, CallList list) {
        links.remove(slot(callId), list.head);
    }

    /** First slot of a list, or -1. */
    public int firstSlot(CallList list) {
        return list.head.first();
    }

    /** Slot after {@code slot} in its list, or -1. */
    public int nextSlot(int slot) {
        return links.next(slot);
    }

    /** Dial time of the call in a slot. */
    public long dialNanosOfSlot(int slot) {
        return dialNanos[slot];
    }

    /** Head, tail and size of an intrusive list of calls. */
    public static final class CallList {
        final IndexLinks.Head head = new IndexLinks.Head();

        /** Calls in the list. */
        public int size() {
            return head.size();
        }
    }
}
