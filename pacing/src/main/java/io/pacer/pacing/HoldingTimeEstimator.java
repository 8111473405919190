package io.pacer.pacing;

/**
 * Learns a holding time (talk or wrap-up) and answers, for an agent who has already spent {@code e} in it, the
 * chance that it ends within the next {@code h}. An agent 170 s into a call whose median is 120 s is more
 * likely to free soon than one 10 s in; a fixed ratio cannot see that, a forecast can.
 *
 * <p>Finished holding times alone are biased short early in a shift: the short ones finish first. So the
 * survival curve is a Kaplan–Meier estimate that also counts the holding times still in progress (each agent
 * now talking has lasted at least its elapsed time) as censored observations. It is rebuilt after a batch of
 * new observations, so a decision costs O(1) per agent.
 */
public final class HoldingTimeEstimator {
    private static final int REFRESH_EVERY = 16;
    private final DecayingHistogram histogram;
    private final double[] survivalFrom;
    private final double[] censoredFrom;
    private final int bins;
    private final long binWidthNanos;
    private long refreshedAt = -1;
    private int version;

    /**
     * @param maxNanos      longest holding time told apart (longer ones share the last bin)
     * @param binWidthNanos resolution
     * @param halfLife      observations after which one counts half
     */
    public HoldingTimeEstimator(long maxNanos, long binWidthNanos, double halfLife) {
        this.binWidthNanos = binWidthNanos;
        this.bins = (int) (maxNanos / binWidthNanos) + 1;
        this.histogram = new DecayingHistogram(bins, binWidthNanos, halfLife);
        this.survivalFrom = new double[bins + 1];
        this.censoredFrom = new double[bins + 1];
    }

    /** Records a finished holding time. */
    public void record(long durationNanos) {
        histogram.record(durationNanos);
    }

    /** Holding times recorded so far. */
    public long observations() {
        return histogram.observations();
    }

    /** Counts rebuilds of the survival curve; a cache built on it is stale when this changes. */
    int version() {
        return version;
    }

    /**
     * Rebuilds the survival curve if enough new holding times finished since the last rebuild, counting the
     * {@code count} holding times in progress (elapsed so far in {@code elapsedNanos}) as censored.
     */
    public void refresh(long[] elapsedNanos, int count) {
        long n = histogram.observations();
        if (refreshedAt >= 0 && n - refreshedAt < REFRESH_EVERY) {
            return;
        }
        refreshedAt = n;
        version++;
        // Censored observations weigh as much as a finished one recorded now.
        double weight = histogram.nextWeight();
        java.util.Arrays.fill(censoredFrom, 0);
        for (int i = 0; i < count; i++) {
            censoredFrom[binOf(elapsedNanos[i])] += weight;
        }
        // censoredFrom[b] becomes the weight of holding times in progress that have lasted at least b bins.
        double acc = 0;
        for (int b = bins; b >= 0; b--) {
            acc += censoredFrom[b];
            censoredFrom[b] = acc;
        }
        // Kaplan–Meier: S(b+1) = S(b) * (1 - ended in b / at risk at b), at risk = finished >= b + censored >= b.
        double finishedFrom = histogram.total();
        double s = 1.0;
        for (int b = 0; b < bins; b++) {
            survivalFrom[b] = s;
            double ended = histogram.count(b);
            double atRisk = finishedFrom + censoredFrom[b];
            if (atRisk > 0 && ended > 0) {
                s *= 1.0 - ended / atRisk;
            }
            finishedFrom -= ended;
        }
        survivalFrom[bins] = s;
        if (n == 0) {
            java.util.Arrays.fill(survivalFrom, 0);
        }
    }

    /** Survival at the start of bin {@code b}: the share of holding times that last at least {@code b} bins. */
    double survivalAtBin(int b) {
        if (refreshedAt < 0) {
            refresh(null, 0);
        }
        return survivalFrom[Math.min(Math.max(b, 0), bins)];
    }

    /** Probability that a holding time already {@code elapsedNanos} long ends within {@code horizonNanos}. */
    public double endWithin(long elapsedNanos, long horizonNanos) {
        int from = binOf(elapsedNanos);
        double alive = survivalAtBin(from);
        if (alive <= 0) {
            // Longer than anything seen: do not count on it ending soon.
            return 0.0;
        }
        double ended = alive - survivalAtBin(binOf(elapsedNanos + horizonNanos));
        return ended / alive;
    }

    /** Probability that a fresh holding time (elapsed 0) ends in bin {@code b} (for convolutions). */
    double endsInBin(int b) {
        return survivalAtBin(b) - survivalAtBin(b + 1);
    }

    int binOf(long nanos) {
        long b = nanos <= 0 ? 0 : nanos / binWidthNanos;
        return (int) Math.min(b, bins);
    }

    /** Bin width in nanoseconds. */
    public long binWidthNanos() {
        return binWidthNanos;
    }

    /** Number of bins told apart. */
    int bins() {
        return bins;
    }
}
