package io.pacer.pacing;

/**
 * For a busy agent, the chance of being free again (talk over and wrap-up over) by each checkpoint of the
 * forecast horizon. A talking agent frees after the rest of the talk plus a whole wrap-up, so the forecast is
 * the talk's conditional distribution convolved with the wrap-up's; that convolution is cached per elapsed
 * talk second and rebuilt only when an estimator rebuilds its survival curve.
 */
public final class AgentReleaseForecast {
    private final HoldingTimeEstimator talk;
    private final HoldingTimeEstimator wrap;
    private final long[] horizonsNanos;
    private final double[][] talkRows;
    private final int[] rowStamp;
    private int stamp = 1;
    private int builtOnTalk = -1;
    private int builtOnWrap = -1;

    /**
     * @param talk           talk-time estimator
     * @param wrap           wrap-up estimator (same bin width as talk)
     * @param horizonsNanos  checkpoints (from now) at which the forecast is asked; fixed for the campaign
     */
    public AgentReleaseForecast(HoldingTimeEstimator talk, HoldingTimeEstimator wrap, long[] horizonsNanos) {
        if (talk.binWidthNanos() != wrap.binWidthNanos()) {
            throw new IllegalArgumentException("talk and wrap-up estimators need one bin width");
        }
        this.talk = talk;
        this.wrap = wrap;
        this.horizonsNanos = horizonsNanos.clone();
        this.talkRows = new double[talk.bins() + 1][];
        this.rowStamp = new int[talk.bins() + 1];
    }

    /** Number of checkpoints. */
    public int checkpoints() {
        return horizonsNanos.length;
    }

    /** Invalidates cached rows when either estimator rebuilt its survival curve. */
    private void maybeInvalidate() {
        int t = talk.version();
        int w = wrap.version();
        if (t != builtOnTalk || w != builtOnWrap) {
            stamp++;
            builtOnTalk = t;
            builtOnWrap = w;
        }
    }

    /**
     * Probabilities that an agent who has talked {@code elapsedNanos} is free by each checkpoint.
     * The returned array is cached: read it, do not keep or change it.
     */
    public double[] talkingAgentFree(long elapsedNanos) {
        maybeInvalidate();
        int e = talk.binOf(elapsedNanos);
        if (rowStamp[e] != stamp || talkRows[e] == null) {
            if (talkRows[e] == null) {
                talkRows[e] = new double[horizonsNanos.length];
            }
            buildRow(e, talkRows[e]);
            rowStamp[e] = stamp;
        }
        return talkRows[e];
    }

    private void buildRow(int elapsedBin, double[] row) {
        long width = talk.binWidthNanos();
        double alive = talk.survivalAtBin(elapsedBin);
        for (int k = 0; k < horizonsNanos.length; k++) {
            int horizonBins = (int) (horizonsNanos[k] / width);
            if (alive <= 0) {
                row[k] = 0;
                continue;
            }
            // P(rest of talk + wrap <= h) = sum over wrap bins w of P(wrap in w) * P(talk ends within h - w | alive).
            double p = 0;
            for (int w = 0; w <= horizonBins; w++) {
                double pw = wrap.endsInBin(w);
                if (pw <= 0) {
                    continue;
                }
                double ended = alive - talk.survivalAtBin(elapsedBin + horizonBins - w);
                p += pw * ended / alive;
            }
            row[k] = Math.min(1.0, p);
        }
    }

    /** Probability that an agent who has wrapped up for {@code elapsedNanos} is free by checkpoint {@code k}. */
    public double wrappingAgentFree(long elapsedNanos, int k) {
        return wrap.endWithin(elapsedNanos, horizonsNanos[k]);
    }
}
