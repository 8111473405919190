package io.pacer.pacing;

/**
 * Notices within seconds that people answer far more often than the ring estimator believes. The estimator
 * learns the answer rate from <em>resolved</em> calls, and after a jump (fresh numbers, the evening) the calls
 * resolving first are the ones dialled before it: their ring-outs arrive a whole ring timeout later and keep
 * the learned rate low for that long. Meanwhile the policy dials on the old rate, many calls per ready agent
 * when that rate was low, and every call dialled in those seconds is answered at the new rate: the agents run
 * out and the calls are abandoned in a burst.
 *
 * <p>This compares the answers that arrive with the answers the estimator expected of the calls ringing,
 * both counted over the last few seconds (weights e^(-age / {@link #MEMORY_NANOS})): each decision adds, for
 * every ringing call, its chance to have been answered since the previous decision given how long it had
 * rung. Answers well beyond that (Poisson: at least {@link #MIN_ANSWERS}, more than {@link #RATIO} times the
 * expectation plus {@link #DEVIATIONS} standard deviations) mean the model is wrong now, and the policy then
 * places only risk-free calls until the estimator has caught up or the surprise has faded. It reads answers,
 * not abandons: abandons come after the agents are already used up, when the harm is dialled.
 */
final class AnswerSurprise {
    /** Memory: about one ring's worth of seconds, so that a jump shows within the first answers it brings. */
    private static final double MEMORY_NANOS = 10e9;
    /** Fewer answers than this prove nothing, whatever the expectation (a quiet campaign expects almost none). */
    private static final double MIN_ANSWERS = 3;
    /** How many times the expected answers must arrive: a doubling is a change of list, not noise. */
    private static final double RATIO = 2;
    /** Poisson deviations of the expectation added on top, so that a small expectation is not outrun by chance. */
    private static final double DEVIATIONS = 2;
    private double expected;
    private double observed;
    private long decayedAt = Long.MIN_VALUE;
    private long exposedAt = Long.MIN_VALUE;

    /**
     * Ages both counts to {@code nowNanos}; returns the time since the previous decision (0 on the first), over
     * which the ringing calls' expected answers are to be added.
     */
    long advance(long nowNanos) {
        decay(nowNanos);
        long dt = exposedAt == Long.MIN_VALUE ? 0 : Math.max(0, nowNanos - exposedAt);
        exposedAt = Math.max(exposedAt, nowNanos);
        return dt;
    }

    private void decay(long nowNanos) {
        if (decayedAt != Long.MIN_VALUE && nowNanos > decayedAt) {
            double keep = Math.exp(-(nowNanos - decayedAt) / MEMORY_NANOS);
            expected *= keep;
            observed *= keep;
        }
        decayedAt = Math.max(decayedAt, nowNanos);
    }

    /** Adds one ringing call's chance to have been answered since the previous decision. */
    void expect(double p) {
        expected += p;
    }

    /** A person answered a call at {@code nowNanos}. */
    void answered(long nowNanos) {
        decay(nowNanos);
        observed += 1;
    }

    /** True while the answers are well beyond what the estimator expected of the calls that rang. */
    boolean surprised() {
        return observed >= MIN_ANSWERS && observed > RATIO * expected + DEVIATIONS * Math.sqrt(expected);
    }
}
