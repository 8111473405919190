package io.pacer.pacing;

/**
 * Learns how dialled calls resolve over time: when people answer, when calls fail fast, how many ring out. From
 * that it answers the question the forecast needs: for a call that has already rung {@code e}, what is the
 * chance a person answers it by {@code e + h}? Conditioning on the time already rung matters: a call that has
 * rung 20 s of a 25 s timeout will rarely be answered.
 *
 * <p>All three outcomes share one decay clock, so the answer probability drifts with the day. Derivation in
 * {@code docs/pacing.md} (section "Ring outcomes").
 */
public final class RingOutcomeEstimator {
    private final DecayingHistogram answered;
    private final DecayingHistogram failed;
    private final DecayingHistogram rangOut;
    private final int bins;
    private final long binWidthNanos;
    /** answeredUpTo[b] = weighted answers in bins [0, b). */
    private final double[] answeredUpTo;
    /** unresolvedFrom[b] = weighted calls still unresolved at the start of bin b. */
    private final double[] unresolvedFrom;
    private static final int REFRESH_EVERY = 16;
    private long refreshedAt = -1;

    /**
     * @param ringTimeoutNanos the campaign's ring timeout (the longest a call can ring)
     * @param binWidthNanos    resolution of the time axis
     * @param halfLife         observations after which an outcome counts half
     */
    public RingOutcomeEstimator(long ringTimeoutNanos, long binWidthNanos, double halfLife) {
        this.binWidthNanos = binWidthNanos;
        this.bins = (int) (ringTimeoutNanos / binWidthNanos) + 2;
        // One histogram per outcome, fed in lock step so that their weights stay comparable.
        this.answered = new DecayingHistogram(bins, binWidthNanos, halfLife);
        this.failed = new DecayingHistogram(bins, binWidthNanos, halfLife);
        this.rangOut = new DecayingHistogram(bins, binWidthNanos, halfLife);
        this.answeredUpTo = new double[bins + 1];
        this.unresolvedFrom = new double[bins + 1];
    }

    /** Records how a dialled call resolved and after how long. */
    public void record(DialResult result, long afterNanos) {
        int b = answered.binOf(afterNanos);
        // Every histogram advances its weight so that the three stay on one scale.
        answered.recordBin(b);
        failed.recordBin(b);
        rangOut.recordBin(b);
        switch (result) {
            case ANSWERED -> { failed.unrecordLast(b); rangOut.unrecordLast(b); }
            case NOT_ANSWERED -> { answered.unrecordLast(b); rangOut.unrecordLast(b); }
            case RANG_OUT -> { answered.unrecordLast(b); failed.unrecordLast(b); }
        }
    }

    /** Calls resolved so far. */
    public long observations() {
        return answered.observations();
    }

    /** Share of resolved calls that a person answered (recent calls weigh more). */
    public double answerProbability() {
        double t = answered.total() + failed.total() + rangOut.total();
        return t <= 0 ? 0 : answered.total() / t;
    }

    /**
     * Rebuilds the prefix sums after a batch of outcomes: one outcome moves the estimate by a fraction of a
     * percent, and rebuilding on every outcome dominated the cost of a decision.
     */
    private void refresh() {
        long n = answered.observations() + failed.observations() + rangOut.observations();
        if (refreshedAt >= 0 && n - refreshedAt < REFRESH_EVERY) {
            return;
        }
        refreshedAt = n;
        double a = 0;
        for (int b = 0; b < bins; b++) {
            answeredUpTo[b] = a;
            a += answered.count(b);
        }
        answeredUpTo[bins] = a;
        double u = 0;
        for (int b = bins - 1; b >= 0; b--) {
            u += answered.count(b) + failed.count(b) + rangOut.count(b);
            unresolvedFrom[b] = u;
        }
        unresolvedFrom[bins] = 0;
    }

    /**
     * For a call that has rung {@code elapsedNanos}, writes into {@code out[k]} its chance to be answered within
     * {@code horizonsNanos[k]}, for every k. The same as {@link #answerWithin} per horizon, with the per-call
     * work done once.
     */
    public void answerWithin(long elapsedNanos, long[] horizonBins, double[] out, int count) {
        refresh();
        int from = binIndex(elapsedNanos);
        double alive = unresolvedFrom[from];
        if (alive <= 0) {
            java.util.Arrays.fill(out, 0, count, 0.0);
            return;
        }
        double inv = 1.0 / alive;
        double base = answeredUpTo[from];
        for (int k = 0; k < count; k++) {
            int to = (int) Math.min(from + horizonBins[k], bins);
            out[k] = (answeredUpTo[to] - base) * inv;
        }
    }

    /**
     * Probability that a call which has rung {@code elapsedNanos} without resolving is answered by a person
     * within the next {@code horizonNanos}.
     */
    public double answerWithin(long elapsedNanos, long horizonNanos) {
        refresh();
        int from = binIndex(elapsedNanos);
        int to = binIndex(elapsedNanos + horizonNanos);
        double alive = unresolvedFrom[from];
        if (alive <= 0) {
            return 0;
        }
        return (answeredUpTo[to] - answeredUpTo[from]) / alive;
    }

    /** Probability that a new call is answered by a person within {@code horizonNanos} of being dialled. */
    public double newCallAnswerWithin(long horizonNanos) {
        return answerWithin(0, horizonNanos);
    }

    private int binIndex(long nanos) {
        long b = nanos <= 0 ? 0 : nanos / binWidthNanos;
        return (int) Math.min(b, bins);
    }

    /** Width of a time bin in nanoseconds. */
    public long binWidthNanos() {
        return binWidthNanos;
    }
}
