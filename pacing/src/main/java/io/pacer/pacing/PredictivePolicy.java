package io.pacer.pacing;

/**
 * Predictive pacing: launch a call when, should it be answered, the chance that no agent is free to take it
 * stays under the risk limit the abandonment budget allows.
 *
 * <p>For each checkpoint {@code t} of the next ring timeout, the forecast counts the agents free by
 * {@code t + connect limit} (ready now, plus each busy agent's chance to be free by then given how long it has
 * talked or wrapped up) and the answers arriving by {@code t} (each ringing call's chance to be answered given
 * how long it has rung, plus the calls launched now). Both are sums of independent Bernoulli variables,
 * approximated as normal. A new call answered at {@code t} is abandoned when the answers before it use up the
 * free agents; averaging that over when it would be answered gives its risk. Calls are added while the risk of
 * the next one is under {@link AbandonBudget#riskLimit()}. The model and its derivation are in
 * {@code docs/pacing.md}.
 *
 * <p>Until it has seen enough dials and conversations it dials progressively (one call per ready agent), and
 * it never places more than one call per ready agent's worth below progressive: calls up to the number of
 * ready agents carry no risk, since every answer finds a ready agent.
 */
public final class PredictivePolicy implements DialPolicy {
    private static final int MAX_CHECKPOINTS = 12;
    private static final long RING_BIN_NANOS = 250_000_000L;
    private static final int MAX_CALLS_PER_AGENT = 20;

    private final PredictiveSettings settings;
    private final RingOutcomeEstimator ring;
    private final HoldingTimeEstimator talk;
    private final HoldingTimeEstimator wrap;
    private final AgentReleaseForecast release;
    private final AbandonBudget budget;
    private boolean ownsBudget;
    private final ProgressivePolicy warmUp = new ProgressivePolicy();
    private final AnswerSurprise surprise = new AnswerSurprise();
    private final int checkpoints;
    private final long[] answerBy;
    private final long[] slotEnd;
    private final long[] answerByBins;
    private final double[] callAnswerBy;
    private final double[] newAnswerBy;
    private final double[] newAnswerIn;
    private final double[] demandMean;
    private final double[] demandVar;
    private final double[] supplyMean;
    private final double[] supplyVar;

    /** A predictive policy with the given settings and a budget of its own over the whole run. */
    public PredictivePolicy(PredictiveSettings settings) {
        this(settings, budgetFor(settings), null);
        ownsBudget = true;
    }

    /**
     * A predictive policy steered by {@code budget}, which the caller owns (so that it outlives the policy, and
     * may count over the regulator's window, whatever the mode); the budget is retargeted to {@code settings}'
     * abandon target, and the owner, not this policy, tells it of every answer handled.
     */
    public PredictivePolicy(PredictiveSettings settings, AbandonBudget budget) {
        this(settings, budget, null);
    }

    /**
     * A policy for new settings that keeps what {@code previous} learned where the change leaves it valid: the
     * talk and wrap-up estimators always (holding times do not depend on dial settings), the ring estimator
     * when the ring timeout and its half-lives are unchanged (its answer-time bins span the timeout), and the
     * budget. So a live change neither forgets the estimates nor restarts the warm-up, unless the ring
     * timeout changed, which invalidates what was learned of ring times.
     */
    public PredictivePolicy(PredictiveSettings settings, AbandonBudget budget, PredictivePolicy previous) {
        this.settings = settings;
        long timeout = settings.ringTimeoutNanos();
        this.checkpoints = (int) Math.min(MAX_CHECKPOINTS, Math.max(4, timeout / 1_000_000_000L));
        this.answerBy = new long[checkpoints];
        long[] releaseBy = new long[checkpoints];
        this.slotEnd = new long[checkpoints];
        for (int k = 0; k < checkpoints; k++) {
            // Slot k holds answers in (end[k-1], end[k]]; demand and supply are judged at its middle.
            slotEnd[k] = timeout * (k + 1) / checkpoints;
            answerBy[k] = timeout * (2L * k + 1) / (2L * checkpoints);
            releaseBy[k] = answerBy[k] + settings.connectLimitNanos();
        }
        boolean ringStillValid = previous != null && previous.settings.ringTimeoutNanos() == timeout
                && previous.settings.ringHalfLife() == settings.ringHalfLife()
                && previous.settings.ringShapeHalfLife() == settings.ringShapeHalfLife();
        this.ring = ringStillValid ? previous.ring : new RingOutcomeEstimator(timeout, RING_BIN_NANOS,
                settings.ringHalfLife(), settings.ringShapeHalfLife());
        this.answerByBins = new long[checkpoints];
        for (int k = 0; k < checkpoints; k++) {
            answerByBins[k] = answerBy[k] / RING_BIN_NANOS;
        }
        this.callAnswerBy = new double[checkpoints];
        boolean holdingStillValid = previous != null && previous.settings.holdingHalfLife() == settings.holdingHalfLife();
        this.talk = holdingStillValid ? previous.talk
                : new HoldingTimeEstimator(3_600_000_000_000L, 1_000_000_000L, settings.holdingHalfLife());
        this.wrap = holdingStillValid ? previous.wrap
                : new HoldingTimeEstimator(3_600_000_000_000L, 1_000_000_000L, settings.holdingHalfLife());
        this.release = new AgentReleaseForecast(talk, wrap, releaseBy);
        this.budget = budget;
        if (budget.target() != settings.abandonTarget()) {
            budget.retarget(settings.abandonTarget());
        }
        this.newAnswerBy = new double[checkpoints];
        this.newAnswerIn = new double[checkpoints];

        this.demandMean = new double[checkpoints];
        this.demandVar = new double[checkpoints];
        this.supplyMean = new double[checkpoints];
        this.supplyVar = new double[checkpoints];
    }

    /** A budget over the whole run with {@code settings}' controller tuning. */
    public static AbandonBudget budgetFor(PredictiveSettings settings) {
        return budgetFor(settings, 0, 0);
    }

    /** A budget over a sliding window of {@code buckets} buckets with {@code settings}' controller tuning. */
    public static AbandonBudget budgetFor(PredictiveSettings settings, long bucketNanos, int buckets) {
        return new AbandonBudget(settings.abandonTarget(), settings.reserveAbandons(), settings.reserveDeviations(),
                settings.initialRiskLimit(), settings.controllerGain(), settings.controllerLearning(), bucketNanos, buckets);
    }

    /** The settings this policy was built with. */
    public PredictiveSettings settings() {
        return settings;
    }

    /** The budget steering this policy. */
    public AbandonBudget budget() {
        return budget;
    }

    /** True once the estimates are trusted and the policy has left its progressive warm-up. */
    public boolean warmedUp() {
        return ring.observations() >= settings.warmUpDials() && talk.observations() >= settings.warmUpTalks()
                && wrap.observations() >= settings.warmUpTalks();
    }

    @Override
    public void decide(PacingInput in, PacingDecision out) {
        int headroom = in.channelLimit - in.callsInFlight();
        if (in.activeAgents() == 0 || headroom <= 0) {
            out.set(0, 0, 0);
            return;
        }
        budget.age(in.nowNanos);
        expectAnswers(in);
        // A young window with no headroom for one more abandon: only risk-free calls, whatever the model says (early
        // in a shift it knows little, and at the floor its errors still abandoned calls).
        if (!warmedUp() || budget.mustNotRisk(in.nowNanos) || surprise.surprised()) {
            warmUp.decide(in, out);
            return;
        }
        ring.spanCallsInFlight(in.callsInFlight());
        talk.refresh(in.talkElapsedNanos, in.talkingAgents);
        wrap.refresh(in.wrapElapsedNanos, in.wrapAgents);
        double pAnswer = forecast(in);
        int riskFree = Math.max(0, in.readyAgents - in.callsInFlight());
        // However the estimates look, one decision never floods the trunk.
        headroom = Math.min(headroom, MAX_CALLS_PER_AGENT * in.activeAgents() + MAX_CALLS_PER_AGENT);
        int calls = 0;
        double limit = budget.riskLimit();
        if (pAnswer > 0) {
            while (calls < headroom) {
                double risk = riskOfNextCall(calls, pAnswer);
                if (calls >= riskFree && risk > limit) {
                    break;
                }
                calls++;
            }
        } else {
            calls = Math.min(riskFree, headroom);
        }
        writeRatios(in, calls, out);
    }

    /** Tells the surprise detector what answers the ringing calls should have brought since the last decision. */
    private void expectAnswers(PacingInput in) {
        long dt = surprise.advance(in.nowNanos);
        if (dt <= 0 || ring.observations() == 0) {
            return;
        }
        for (int j = 0; j < in.ringingCalls; j++) {
            long e = in.ringElapsedNanos[j];
            long from = Math.max(0, e - dt);
            surprise.expect(ring.answerWithin(from, e - from));
        }
    }

    /** Fills the per-checkpoint demand and supply moments; returns a new call's chance to be answered at all. */
    private double forecast(PacingInput in) {
        double prev = 0;
        for (int k = 0; k < checkpoints; k++) {
            double byEnd = ring.newCallAnswerWithin(slotEnd[k]);
            // Another new call is answered before ours if it is answered in an earlier slot, or in the same
            // slot and first (half the time): identical ring times must still compete for agents.
            newAnswerBy[k] = prev + 0.5 * Math.max(0, byEnd - prev);
            newAnswerIn[k] = Math.max(0, byEnd - prev);
            prev = byEnd;
            demandMean[k] = in.waitingCalls;
            demandVar[k] = 0;
            supplyMean[k] = in.readyAgents;
            supplyVar[k] = 0;
        }
        for (int j = 0; j < in.ringingCalls; j++) {
            ring.answerWithin(in.ringElapsedNanos[j], answerByBins, callAnswerBy, checkpoints);
            for (int k = 0; k < checkpoints; k++) {
                double p = callAnswerBy[k];
                demandMean[k] += p;
                demandVar[k] += p * (1 - p);
            }
        }
        for (int i = 0; i < in.talkingAgents; i++) {
            double[] free = release.talkingAgentFree(in.talkElapsedNanos[i]);
            for (int k = 0; k < checkpoints; k++) {
                double q = free[k];
                supplyMean[k] += q;
                supplyVar[k] += q * (1 - q);
            }
        }
        for (int i = 0; i < in.wrapAgents; i++) {
            long e = in.wrapElapsedNanos[i];
            for (int k = 0; k < checkpoints; k++) {
                double q = release.wrappingAgentFree(e, k);
                supplyMean[k] += q;
                supplyVar[k] += q * (1 - q);
            }
        }
        return prev;
    }

    /**
     * Chance that the ({@code launched}+1)-th new call, if answered, finds every free agent taken by earlier
     * answers: the mean over when it is answered of P(answers before it >= free agents).
     */
    private double riskOfNextCall(int launched, double pAnswer) {
        double risk = 0;
        for (int k = 0; k < checkpoints; k++) {
            double w = newAnswerIn[k];
            if (w <= 0) {
                continue;
            }
            double p = newAnswerBy[k];
            double mean = demandMean[k] + launched * p - supplyMean[k];
            double var = demandVar[k] + supplyVar[k] + launched * p * (1 - p);
            double overflow;
            // P(demand - supply >= 0) for integers, with a continuity correction of one half.
            if (var < 1e-9) {
                overflow = mean > -0.5 ? 1.0 : 0.0;
            } else {
                overflow = Gaussian.cdf((mean + 0.5) / Math.sqrt(var));
            }
            risk += w * overflow;
        }
        return risk / pAnswer;
    }

    private void writeRatios(PacingInput in, int calls, PacingDecision out) {
        int last = checkpoints - 1;
        double fromTalk = supplyMean[last] - in.readyAgents;
        double fromWrap = 0;
        for (int i = 0; i < in.wrapAgents; i++) {
            fromWrap += release.wrappingAgentFree(in.wrapElapsedNanos[i], last);
        }
        fromTalk -= fromWrap;
        double effective = in.readyAgents + Math.max(0, fromTalk) + fromWrap;
        double perEffective = effective > 0 ? (in.callsInFlight() + calls) / effective : 0;
        double perReady = in.readyAgents > 0
                ? perEffective * (in.readyAgents + Math.max(0, fromTalk)) / in.readyAgents : perEffective;
        double perWrap = in.wrapAgents > 0 ? perEffective * fromWrap / in.wrapAgents : 0;
        out.set(calls, perReady, perWrap);
    }

    @Override
    public void onDialResolved(long nowNanos, DialResult result, long afterNanos) {
        ring.record(result, afterNanos);
        if (result == DialResult.ANSWERED) {
            surprise.answered(nowNanos);
        }
    }

    @Override
    public void onAnswerHandled(long nowNanos, boolean abandoned) {
        if (ownsBudget) {
            budget.onAnswerHandled(nowNanos, abandoned);
        }
    }

    @Override
    public void onTalkEnded(long nowNanos, long talkNanos) {
        talk.record(talkNanos);
    }

    @Override
    public void onWrapEnded(long nowNanos, long wrapNanos) {
        wrap.record(wrapNanos);
    }

    @Override
    public String name() {
        return "predictive";
    }
}
