package io.pacer.pacing;

/**
 * Counts of observations in fixed-width bins where older observations weigh less: each new observation
 * weighs {@code 2^(1/halfLife)} times the previous one, so the histogram follows a drifting day with an
 * effective memory of about {@code halfLife / ln 2} observations.
 *
 * <p>Instead of shrinking every bin on every observation, the weight of new observations grows and all
 * counts are rescaled rarely, so an observation costs O(1).
 */
public final class DecayingHistogram {
    private final double[] counts;
    private double growth;
    private double halfLife;
    private final long binWidthNanos;
    private double weight = 1.0;
    private double total;
    private long observations;

    /**
     * @param bins          number of bins; the last one also holds everything beyond it
     * @param binWidthNanos width of a bin
     * @param halfLife      observations after which an observation counts half as much as a new one
     */
    public DecayingHistogram(int bins, long binWidthNanos, double halfLife) {
        if (bins < 1 || binWidthNanos <= 0 || !(halfLife > 0)) {
            throw new IllegalArgumentException("histogram: bins, bin width and half-life must be positive");
        }
        this.counts = new double[bins];
        this.binWidthNanos = binWidthNanos;
        this.halfLife = halfLife;
        this.growth = Math.pow(2.0, 1.0 / halfLife);
    }

    /**
     * Makes the memory at least {@code minHalfLife} observations long; never shortens it. Weights already
     * recorded keep their scale, so only observations from now on decay more slowly.
     */
    public void lengthenHalfLife(double minHalfLife) {
        if (minHalfLife > halfLife) {
            halfLife = minHalfLife;
            growth = Math.pow(2.0, 1.0 / minHalfLife);
        }
    }

    /** Current half-life in observations. */
    public double halfLife() {
        return halfLife;
    }

    /** Records a value in nanoseconds. */
    public void record(long valueNanos) {
        recordBin(binOf(valueNanos));
    }

    /** Records one observation in a given bin. */
    public void recordBin(int bin) {
        counts[bin] += weight;
        total += weight;
        observations++;
        weight *= growth;
        if (weight > 1e200) {
            rescale();
        }
    }

    private void rescale() {
        double f = 1.0 / weight;
        for (int i = 0; i < counts.length; i++) {
            counts[i] *= f;
        }
        total *= f;
        weight = 1.0;
    }

    /** The bin a value falls into (values beyond the last bin fall into it). */
    public int binOf(long valueNanos) {
        long b = valueNanos <= 0 ? 0 : valueNanos / binWidthNanos;
        return (int) Math.min(b, counts.length - 1);
    }

    /** Weighted count in bin {@code b}, on the same scale as {@link #total()}. */
    public double count(int b) {
        return counts[b];
    }

    /** Sum of all weighted counts. */
    public double total() {
        return total;
    }

    /** The weight the next observation will get, on the scale of {@link #total()}. */
    public double nextWeight() {
        return weight;
    }

    /** Observations recorded so far (unweighted). */
    public long observations() {
        return observations;
    }

    /** Number of bins. */
    public int bins() {
        return counts.length;
    }

    /** Bin width in nanoseconds. */
    public long binWidthNanos() {
        return binWidthNanos;
    }
}
