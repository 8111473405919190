package io.pacer.engine.campaign;

import io.pacer.engine.call.CallOutcome;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A campaign's counters, written only by the core's thread and read by metrics and API threads. Writes are
 * release-ordered ({@code lazySet}), which costs the writer no fence on common hardware; readers see a value
 * that is at most a moment old.
 */
public final class CampaignCounters {
    /** Calls placed. */
    public static final int DIALS = 0;
    /** Calls answered by a person. */
    public static final int ANSWERS = 1;
    /** Answered calls bridged to an agent. */
    public static final int CONNECTS = 2;
    /** Answered calls abandoned (no agent within the connect limit, or hung up waiting). */
    public static final int ABANDONS = 3;
    /** Ready agents now. */
    public static final int READY = 4;
    /** Agents talking now. */
    public static final int ON_CALL = 5;
    /** Agents in wrap-up now. */
    public static final int WRAP_UP = 6;
    /** Calls ringing now. */
    public static final int IN_FLIGHT = 7;
    /** Calls per ready agent of the last decision, as raw double bits. */
    public static final int RATIO_READY_BITS = 8;
    /** Calls per wrap-up agent of the last decision, as raw double bits. */
    public static final int RATIO_WRAP_BITS = 9;
    /** Agents logged in now. */
    public static final int LOGGED_IN = 10;
    /** Dials the adapter could not place (trunk backing off, full or down): undone, their contacts given back. */
    public static final int NOT_PLACED = 11;
    /** 1 while the campaign places no call because its trunk cannot take one (back-off, full, down), else 0. */
    public static final int DIALS_HELD = 12;
    /** First of one counter per {@link CallOutcome}. */
    public static final int OUTCOME_BASE = 13;
    /** Live answers in the regulator's window (history seeded at start included). */
    public static final int WINDOW_ANSWERS = OUTCOME_BASE + CallOutcome.values().length;
    /** Abandoned answers in the regulator's window. */
    public static final int WINDOW_ABANDONS = WINDOW_ANSWERS + 1;
    /** Abandons the window's cap still allows (target x answers - abandons), as raw double bits. */
    public static final int WINDOW_LEFT_BITS = WINDOW_ANSWERS + 2;
    /** Abandon rate over the last 5 minutes, as raw double bits. */
    public static final int RATE_5_MIN_BITS = WINDOW_ANSWERS + 3;
    /** Abandon rate over the last hour, as raw double bits. */
    public static final int RATE_1_HOUR_BITS = WINDOW_ANSWERS + 4;
    /** Abandon rate over the last 24 hours, as raw double bits. */
    public static final int RATE_24_HOURS_BITS = WINDOW_ANSWERS + 5;
    /** Calls held for answering-machine detection now. */
    public static final int AMD_LISTENING = WINDOW_ANSWERS + 6;
    /** Verdicts of the media analysis, one counter per {@link io.pacer.engine.call.AmdVerdict}, from here. */
    public static final int AMD_VERDICT_BASE = WINDOW_ANSWERS + 7;
    /**
     * Live answers estimated to have been classed MACHINE and dropped (the Ofcom false-positive estimate), each
     * counted as an abandoned answer in the window.
     */
    public static final int AMD_FALSE_POSITIVES = AMD_VERDICT_BASE + io.pacer.engine.call.AmdVerdict.values().length;
    /** Inbound calls the campaign took into its queue or straight to an agent. */
    public static final int INBOUND_OFFERED = AMD_FALSE_POSITIVES + 1;
    /** Inbound calls an agent answered. */
    public static final int INBOUND_ANSWERED = INBOUND_OFFERED + 1;
    /** Inbound calls that ended with no agent: the caller gave up or the maximum wait passed. */
    public static final int INBOUND_MISSED = INBOUND_OFFERED + 2;
    /** Inbound calls waiting in the queue now (a gauge). */
    public static final int INBOUND_WAITING = INBOUND_OFFERED + 3;
    private static final int SIZE = INBOUND_WAITING + 1;

    private final AtomicLongArray values = new AtomicLongArray(SIZE);

    /** Adds one (core thread only). */
    public void increment(int index) {
        values.lazySet(index, values.get(index) + 1);
    }

    /** Takes one away (core thread only). */
    public void decrement(int index) {
        values.lazySet(index, values.get(index) - 1);
    }

    /** Sets a value (core thread only). */
    public void set(int index, long value) {
        values.lazySet(index, value);
    }

    /** Sets a double value (core thread only). */
    public void setDouble(int index, double value) {
        values.lazySet(index, Double.doubleToRawLongBits(value));
    }

    /** Reads a value (any thread). */
    public long get(int index) {
        return values.get(index);
    }

    /** Reads a double value (any thread). */
    public double getDouble(int index) {
        return Double.longBitsToDouble(values.get(index));
    }
}
