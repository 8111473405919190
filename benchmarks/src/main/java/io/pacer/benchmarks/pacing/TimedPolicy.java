package io.pacer.benchmarks.pacing;

import io.pacer.pacing.DialPolicy;
import io.pacer.pacing.DialResult;
import io.pacer.pacing.PacingDecision;
import io.pacer.pacing.PacingInput;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.HdrHistogram.Histogram;

/**
 * A dial policy wrapped to time each decision into an HdrHistogram, for the scaling benchmark. It reads the
 * thread's CPU clock, not the wall clock: on a shared machine a decision preempted half-way would otherwise count
 * the other processes' time. The clock read costs under a microsecond, small beside a predictive decision on a
 * large floor; feedback passes through untimed.
 */
final class TimedPolicy implements DialPolicy {
    private final DialPolicy policy;
    private final Histogram decisionNanos = new Histogram(3);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    TimedPolicy(DialPolicy policy) {
        this.policy = policy;
    }

    /** CPU time of each decision so far, in nanoseconds. */
    Histogram decisionNanos() {
        return decisionNanos;
    }

    @Override
    public void decide(PacingInput in, PacingDecision out) {
        long startNanos = threads.getCurrentThreadCpuTime();
        policy.decide(in, out);
        decisionNanos.recordValue(Math.max(0, threads.getCurrentThreadCpuTime() - startNanos));
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
