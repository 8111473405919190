package io.pacer.sip.trunk;

import io.pacer.sip.stack.SipConfig;
import java.util.ArrayDeque;

/**
 * Live state of one trunk: channels in use, the calls-per-second budget, the back-off a 503 with Retry-After
 * asked for, whether its OPTIONS probes find it up ({@link TrunkProbes}), and the dials waiting for budget. Owned
 * by the SIP worker thread; the channels in use, the back-off and {@link #up} are volatile so that metrics
 * ({@link TrunkGauges}) and the engine's admission ({@link TrunkRoute#placeableNow}) read them from other threads.
 */
final class TrunkState {
    final SipConfig.TrunkConfig config;
    final ArrayDeque<TrunkCall> waiting = new ArrayDeque<>();
    volatile int channelsInUse;
    volatile long backoffUntilNanos;
    /** False once {@code downAfter} probes in a row failed, until {@code upAfter} in a row are answered. */
    volatile boolean up = true;
    /** INVITEs sent on this trunk since start (a failed-over call counts once per trunk it tried). */
    volatile long invitesSent;
    /** The OPTIONS probe waiting for its answer, or {@code null}. */
    javax.sip.ClientTransaction probe;
    long nextProbeNanos;
    int probeFailures;
    int probeAnswers;
    boolean tickScheduled;
    private double tokens;
    private long refilledAtNanos;

    TrunkState(SipConfig.TrunkConfig config) {
        this.config = config;
        this.tokens = config.maxCallsPerSecond();
        this.refilledAtNanos = System.nanoTime();
        this.backoffUntilNanos = refilledAtNanos;
    }

    /** True when an INVITE may be sent now: up, not backing off, a channel free. */
    boolean takesACall(long nowNanos) {
        return up && !backingOff(nowNanos) && channelsInUse < config.maxChannels();
    }

    /** Calls the trunk could take now (any thread): its free channels, none while down or backing off. */
    int placeableNow(long nowNanos) {
        return !up || backingOff(nowNanos) ? 0 : Math.max(0, config.maxChannels() - channelsInUse);
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
