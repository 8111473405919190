package io.pacer.pacing;

/**
 * Learns a holding time (talk or wrap-up) and answers, for an agent who has already spent {@code e} in it, the
 * chance that it ends within the next {@code h}. An agent 170 s into a call whose median is 120 s is more
 * likely to free soon than one 10 s in; a fixed ratio cannot see that, a forecast can.
 *
 * <p>Survival sums are rebuilt only after a batch of new observations, so a decision costs O(1) per agent.
 */
public final class HoldingTimeEstimator {
    private static final int REFRESH_EVERY = 16;
    private final DecayingHistogram histogram;
    private final double[] survivalFrom;
    private final int bins;
    private final long binWidthNanos;
    private long refreshedAt = -1;

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
    }

    /** Records a finished holding time. */
    public void record(long durationNanos) {
        histogram.record(durationNanos);
    }

    /** Holding times recorded so far. */
    public long observations() {
        return histogram.observations();
    }

    /** Mean holding time in nanoseconds (recent ones weigh more). */
    public double meanNanos() {
        return histogram.meanNanos();
    }

    /**
     * Survival at the start of bin {@code b}: the share of holding times that last at least {@code b} bins.
     * Rebuilt lazily after {@value #REFRESH_EVERY} new observations.
     */
    double survivalAtBin(int b) {
        long n = histogram.observations();
        if (refreshedAt < 0 || n - refreshedAt >= REFRESH_EVERY) {
            double total = histogram.total();
            double s = 0;
            survivalFrom[bins] = 0;
            for (int i = bins - 1; i >= 0; i--) {
                s += histogram.count(i);
                survivalFrom[i] = total > 0 ? s / total : 0;
            }
            refreshedAt = n;
        }
        return survivalFrom[Math.min(Math.max(b, 0), bins)];
    }

    /** Probability that a holding time already {@code elapsedNanos} long ends within {@code horizonNanos}. */
    public double endWithin(long elapsedNanos, long horizonNanos) {
        int from = binOf(elapsedNanos);
        double alive = survivalAtBin(from);
        if (alive <= 0) {
            // Longer than anything seen: treat the tail as ending at the rate of the last bin.
            return horizonNanos >= binWidthNanos ? 0.5 : 0.0;
        }
        double ended = alive - survivalAtBin(binOf(elapsedNanos + horizonNanos));
        return ended / alive;
    }

    /** Probability that a fresh holding time (elapsed 0) lasts less than bin {@code b} (for convolutions). */
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
