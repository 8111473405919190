package io.pacer.sip.trunk;

import io.pacer.sip.stack.SipConfig;
import java.util.ArrayDeque;

/**
 * Live state of one trunk: channels in use, the calls-per-second budget, the back-off a 503 with Retry-After
 * asked for, and the dials waiting for budget. Owned by the SIP worker thread; the channels in use and the
 * back-off are volatile so that metrics ({@link TrunkGauges}) read them from other threads.
 */
final class TrunkState {
    final SipConfig.TrunkConfig config;
    final ArrayDeque<TrunkCall> waiting = new ArrayDeque<>();
    volatile int channelsInUse;
    volatile long backoffUntilNanos;
    /** Dials taken off the worker's ring for this trunk: the engine's thread compares them with those it sent. */
    volatile long dialsTaken;
    boolean tickScheduled;
    private double tokens;
    private long refilledAtNanos;

    TrunkState(SipConfig.TrunkConfig config) {
        this.config = config;
        this.tokens = config.maxCallsPerSecond();
        this.refilledAtNanos = System.nanoTime();
        this.backoffUntilNanos = refilledAtNanos;
    }

    /** True while the carrier's Retry-After asks for no new INVITE. */
    boolean backingOff(long nowNanos) {
        return nowNanos - backoffUntilNanos < 0;
    }

    /** Milliseconds left of the back-off (0 when none), rounded up. */
    long backoffLeftMillis(long nowNanos) {
        long left = backoffUntilNanos - nowNanos;
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
    }

    /** Takes one call's budget if the calls-per-second cap allows a new INVITE now. */
    boolean takeToken(long nowNanos) {
        int rate = config.maxCallsPerSecond();
        tokens = Math.min(rate, tokens + (nowNanos - refilledAtNanos) * rate / 1e9);
        refilledAtNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Nanoseconds until the next token. */
    long nanosToNextToken() {
        return (long) ((1 - tokens) * 1e9 / config.maxCallsPerSecond()) + 1;
    }
}
