package io.pacer.pacing;

/**
 * What a dial policy sees of one campaign at one instant: agents by state with how long each has been in it,
 * and every call in flight with how long it has rung. The engine fills one instance per campaign and reuses it
 * for every decision, so the arrays grow at set-up and are never reallocated on the hot path.
 *
 * <p>All times are nanoseconds on the caller's clock; the policy has no clock of its own.
 */
public final class PacingInput {
    /** Time of the decision. */
    public long nowNanos;
    /** Agents ready and waiting for a call. */
    public int readyAgents;
    /** Agents connected to a customer (or reserved for one); {@link #talkElapsedNanos} holds their time in call. */
    public int talkingAgents;
    /** Time each talking agent has spent in its current call, entries {@code [0, talkingAgents)}. */
    public long[] talkElapsedNanos = new long[16];
    /** Agents in wrap-up; {@link #wrapElapsedNanos} holds their time in wrap-up. */
    public int wrapAgents;
    /** Time each wrapping agent has spent in wrap-up, entries {@code [0, wrapAgents)}. */
    public long[] wrapElapsedNanos = new long[16];
    /** Calls dialled and not yet answered or failed; {@link #ringElapsedNanos} holds their time since dialling. */
    public int ringingCalls;
    /** Time since dialling of each ringing call, entries {@code [0, ringingCalls)}. */
    public long[] ringElapsedNanos = new long[16];
    /** Calls answered by a person and waiting (within the connect limit) for an agent. */
    public int waitingCalls;
    /** The most calls this campaign may have in flight (ringing plus waiting), from trunk and campaign caps. */
    public int channelLimit = Integer.MAX_VALUE;

    /** Agents logged in and not paused: ready, talking or wrapping. */
    public int activeAgents() {
        return readyAgents + talkingAgents + wrapAgents;
    }

    /** Calls that have not reached an agent yet: ringing plus waiting. */
    public int callsInFlight() {
        return ringingCalls + waitingCalls;
    }

    /** Empties the snapshot and makes sure each array can hold {@code agents} agents and {@code calls} calls. */
    public void reset(long nowNanos, int agents, int calls) {
        this.nowNanos = nowNanos;
        readyAgents = 0;
        talkingAgents = 0;
        wrapAgents = 0;
        ringingCalls = 0;
        waitingCalls = 0;
        if (talkElapsedNanos.length < agents) {
            talkElapsedNanos = new long[agents];
            wrapElapsedNanos = new long[agents];
        }
        if (ringElapsedNanos.length < calls) {
            ringElapsedNanos = new long[calls];
        }
    }

    /** Adds a talking agent; the caller sized the arrays with {@link #reset}. */
    public void addTalking(long elapsedNanos) {
        talkElapsedNanos[talkingAgents++] = elapsedNanos;
    }

    /** Adds an agent in wrap-up. */
    public void addWrapping(long elapsedNanos) {
        wrapElapsedNanos[wrapAgents++] = elapsedNanos;
    }

    /** Adds a ringing call. */
    public void addRinging(long elapsedNanos) {
        ringElapsedNanos[ringingCalls++] = elapsedNanos;
    }
}
