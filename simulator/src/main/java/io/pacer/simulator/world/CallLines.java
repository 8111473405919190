package io.pacer.simulator.world;

/**
 * The simulated trunk's view of every call slot: which call holds it, where the call is (ringing, answered and
 * waiting, bridged, done, or a caller queued), what the customer will do, and who talks on it. Structure of arrays indexed by the
 * engine's call slot, sized once, so a simulated event allocates nothing.
 */
final class CallLines {
    static final byte FREE = 0;
    static final byte RINGING = 1;
    static final byte ANSWERED = 2;
    static final byte BRIDGED = 3;
    static final byte DONE = 4;
    /** A customer's call to the campaign, ringing in its queue until an agent takes it (blending). */
    static final byte QUEUED = 5;

    final long[] callId;
    final byte[] state;
    final byte[] plan;
    final long[] contact;
    final long[] answeredAtNanos;
    final int[] agent;

    CallLines(int maxCalls) {
        callId = new long[maxCalls];
        state = new byte[maxCalls];
        plan = new byte[maxCalls];
        contact = new long[maxCalls];
        answeredAtNanos = new long[maxCalls];
        agent = new int[maxCalls];
    }

    /** True when slot {@code s} holds call {@code id} in state {@code expected}. */
    boolean holds(int s, long id, byte expected) {
        return callId[s] == id && state[s] == expected;
    }

    /** True when slot {@code s} holds a call that has not ended. */
    boolean live(int s) {
        return state[s] != FREE && state[s] != DONE;
    }

    /** Number of slots. */
    int capacity() {
        return state.length;
    }
}
