package io.pacer.benchmarks.pacing;

import io.pacer.pacing.DialPolicy;
import io.pacer.pacing.DialResult;
import io.pacer.pacing.PacingDecision;
import io.pacer.pacing.PacingInput;
import org.HdrHistogram.Histogram;

/**
 * A dial policy wrapped to time each decision into an HdrHistogram, for the scaling benchmark. The clock read
 * around the call costs some tens of nanoseconds, small beside a predictive decision; feedback passes through
 * untimed.
 */
final class TimedPolicy implements DialPolicy {
    private final DialPolicy policy;
    private final Histogram decisionNanos = new Histogram(3);

    TimedPolicy(DialPolicy policy) {
        this.policy = policy;
    }

    /** Wall time of each decision so far, in nanoseconds. */
    Histogram decisionNanos() {
        return decisionNanos;
    }

    @Override
    public void decide(PacingInput in, PacingDecision out) {
        long start = System.nanoTime();
        policy.decide(in, out);
        decisionNanos.recordValue(System.nanoTime() - start);
    }

    @Override
    public void onDialResolved(long nowNanos, DialResult result, long afterNanos) {
        policy.onDialResolved(nowNanos, result, afterNanos);
    }

    @Override
    public void onAnswerHandled(long nowNanos, boolean abandoned) {
        policy.onAnswerHandled(nowNanos, abandoned);
    }

    @Override
    public void onTalkEnded(long nowNanos, long talkNanos) {
        policy.onTalkEnded(nowNanos, talkNanos);
    }

    @Override
    public void onWrapEnded(long nowNanos, long wrapNanos) {
        policy.onWrapEnded(nowNanos, wrapNanos);
    }

    @Override
    public String name() {
        return policy.name();
    }
}
