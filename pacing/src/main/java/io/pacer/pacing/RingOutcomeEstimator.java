package io.pacer.pacing;

/**
 * Learns how dialled calls resolve over time: when people answer, when calls fail fast, how many ring out. From
 * that it answers the question the forecast needs: for a call that has already rung {@code e}, what is the
 * chance a person answers it by {@code e + h}? Conditioning on the time already rung matters: a call that has
 * rung 20 s of a 25 s timeout will rarely be answered.
 *
 * <p>The mix of outcomes (how many are answered, fail or ring out) drifts during a day and is learned with a
 * short memory; the shape of answer and failure times changes little and is learned from many more calls of
 * each kind. With a low answer rate, one short memory for both would leave only a few dozen answers to shape
 * the answer-time distribution. Derivation in {@code docs/pacing.md} (section "Ring outcomes").
 */
public final class RingOutcomeEstimator {
    private static final int REFRESH_EVERY = 16;
    /** Memory of the change detector, in outcomes. */
    private static final double FAST_HALF_LIFE = 25;
    /** Standard errors by which the recent answer rate must exceed the learned one to take over (2 rather than 3:
     * measured on the stress scenarios, the quicker switch helps and the benchmark scenarios do not mind). */
    private static final double RISE_SIGNIFICANCE = 2.0;
    /** Half-lives of the outcome mix per call in flight (see {@link #spanCallsInFlight}). */
    private static final double IN_FLIGHT_SPAN = 1.0;
    private final double halfLife;
    private final DecayingHistogram mix;
    private final DecayingHistogram recentMix;
    private boolean riseDetected;
    private final DecayingHistogram answerTimes;
    private final DecayingHistogram failureTimes;
    private final int bins;
    private final long binWidthNanos;
    /** answeredUpTo[b] = share of calls answered within bins [0, b). */
    private final double[] answeredUpTo;
    /** unresolvedFrom[b] = share of calls still unresolved at the start of bin b. */
    private final double[] unresolvedFrom;
    private long refreshedAt = -1;

    /**
     * @param ringTimeoutNanos the campaign's ring timeout (the longest a call can ring)
     * @param binWidthNanos    resolution of the time axis
     * @param halfLife         outcomes after which an outcome counts half in the mix (answer rate drift)
     * @param shapeHalfLife    answers (or failures) after which one counts half in the timing shapes
     */
    public RingOutcomeEstimator(long ringTimeoutNanos, long binWidthNanos, double halfLife, double shapeHalfLife) {
        this.binWidthNanos = binWidthNanos;
        this.halfLife = halfLife;
        this.bins = (int) (ringTimeoutNanos / binWidthNanos) + 2;
        this.mix = new DecayingHistogram(DialResult.values().length, 1, halfLife);
        this.recentMix = new DecayingHistogram(DialResult.values().length, 1, FAST_HALF_LIFE);
        this.answerTimes = new DecayingHistogram(bins, binWidthNanos, shapeHalfLife);
        this.failureTimes = new DecayingHistogram(bins, binWidthNanos, shapeHalfLife);
        this.answeredUpTo = new double[bins + 1];
        this.unresolvedFrom = new double[bins + 1];
    }

    /** Records how a dialled call resolved and after how long. */
    public void record(DialResult result, long afterNanos) {
        mix.recordBin(result.ordinal());
        recentMix.recordBin(result.ordinal());
        switch (result) {
            case ANSWERED -> answerTimes.record(afterNanos);
            case NOT_ANSWERED -> failureTimes.record(afterNanos);
            case RANG_OUT -> { }
        }
    }

    /**
     * Keeps the memory of the outcome mix longer than one wave of outcomes: {@code callsInFlight} calls dialled
     * together resolve in order of kind (fast failures, then answers, then ring-outs at the timeout), so a
     * memory shorter than that wave sees an answer rate that swings with the wave, not with the list. Once a
     * team is large enough that one ring timeout's calls outnumber the half-life, the swing fed back into the
     * dialling (ring-outs made the rate look near zero, which dialled a bigger wave) and the campaign
     * oscillated without bound. The detector of rises keeps the same share of that wave as at its default.
     */
    public void spanCallsInFlight(int callsInFlight) {
        double wave = IN_FLIGHT_SPAN * callsInFlight;
        if (wave > mix.halfLife()) {
            recentMix.lengthenHalfLife(FAST_HALF_LIFE * wave / halfLife);
            mix.lengthenHalfLife(wave);
        }
    }

    /** Calls resolved so far. */
    public long observations() {
        return mix.observations();
    }

    /** Share of resolved calls that a person answered (recent calls weigh more). */
    public double answerProbability() {
        double t = mix.total();
        return t <= 0 ? 0 : mix.count(DialResult.ANSWERED.ordinal()) / t;
    }

    /**
     * Rebuilds the prefix sums after a batch of outcomes: one outcome moves the estimate by a fraction of a
     * percent, and rebuilding on every outcome dominated the cost of a decision.
     */
    private void refresh() {
        long n = mix.observations();
        if (refreshedAt >= 0 && n - refreshedAt < REFRESH_EVERY) {
            return;
        }
        refreshedAt = n;
        DecayingHistogram use = answerRateRose() ? recentMix : mix;
        double total = use.total();
        double pAnswer = total > 0 ? use.count(DialResult.ANSWERED.ordinal()) / total : 0;
        double pFail = total > 0 ? use.count(DialResult.NOT_ANSWERED.ordinal()) / total : 0;
        double pRangOut = total > 0 ? use.count(DialResult.RANG_OUT.ordinal()) / total : 0;
        double answerScale = answerTimes.total() > 0 ? pAnswer / answerTimes.total() : 0;
        double failScale = failureTimes.total() > 0 ? pFail / failureTimes.total() : 0;
        double a = 0;
        for (int b = 0; b < bins; b++) {
            answeredUpTo[b] = a;
            a += answerTimes.count(b) * answerScale;
        }
        answeredUpTo[bins] = a;
        double u = pRangOut;
        for (int b = bins - 1; b >= 0; b--) {
            u += answerTimes.count(b) * answerScale + failureTimes.count(b) * failScale;
            unresolvedFrom[b] = u;
        }
        unresolvedFrom[bins] = 0;
    }

    /**
     * True when the last few dozen outcomes show an answer rate significantly above the learned one. An
     * answer rate that jumps up (a list of fresh numbers, the evening) makes the learned rate dial far too
     * much until it catches up; a fall only makes it cautious. So the short memory takes over only upwards,
     * and only when the rise is beyond noise (2 standard errors), which keeps steady days unaffected.
     */
    private boolean answerRateRose() {
        double slowTotal = mix.total();
        double fastTotal = recentMix.total();
        if (slowTotal <= 0 || fastTotal <= 0 || recentMix.observations() < 10) {
            riseDetected = false;
            return false;
        }
        double slow = mix.count(DialResult.ANSWERED.ordinal()) / slowTotal;
        double fast = recentMix.count(DialResult.ANSWERED.ordinal()) / fastTotal;
        // Effective sample size of exponential weights with half-life h is about 2h / ln 2.
        double n = Math.min(recentMix.observations(), 2.885 * recentMix.halfLife());
        double se = Math.sqrt(Math.max(slow * (1 - slow), 1e-4) / n);
        riseDetected = fast > slow + RISE_SIGNIFICANCE * se;
        return riseDetected;
    }

    /** Whether the last rebuild used the short memory because the answer rate rose sharply. */
    public boolean riseDetected() {
        return riseDetected;
    }

    /**
     * For a call that has rung {@code elapsedNanos}, writes into {@code out[k]} its chance to be answered within
     * {@code horizonBins[k]} bins, for every k. The same as {@link #answerWithin} per horizon, with the per-call
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
