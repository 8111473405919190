package io.pacer.sip.trunk;

import io.pacer.sip.stack.SipConfig;
import java.util.ArrayDeque;

/**
 * Live state of one trunk: channels in use, the calls-per-second budget, the back-off a 503 with Retry-After
 * asked for, and the dials waiting for budget. Owned by the SIP worker thread.
 */
final class TrunkState {
    final SipConfig.TrunkConfig config;
    final ArrayDeque<TrunkCall> waiting = new ArrayDeque<>();
    int channelsInUse;
    long backoffUntilNanos;
    boolean tickScheduled;
    private double tokens;
    private long refilledAtNanos;

    TrunkState(SipConfig.TrunkConfig config) {
        this.config = config;
        this.tokens = config.maxCallsPerSecond();
        this.refilledAtNanos = System.nanoTime();
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
