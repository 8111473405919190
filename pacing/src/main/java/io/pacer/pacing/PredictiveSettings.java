package io.pacer.pacing;

/**
 * Tuning of the predictive policy. The defaults are what the benchmark scenarios were run with; an operator
 * normally sets only the abandonment target.
 *
 * @param abandonTarget       cap on abandoned / answered (0.03)
 * @param ringTimeoutNanos    campaign ring timeout: the forecast horizon for new calls
 * @param connectLimitNanos   how long an answered call may wait for an agent (2 s)
 * @param warmUpDials         resolved dials before leaving progressive mode
 * @param warmUpTalks         finished conversations before leaving progressive mode
 * @param reserveAbandons     abandons held in reserve by the budget controller
 * @param reserveDeviations   further reserve per square root of the abandons the target allows so far
 * @param initialRiskLimit    per-call abandonment risk the controller starts from
 * @param controllerGain      proportional gain of the budget controller (per abandon of surplus, small team)
 * @param controllerLearning  integral rate of the budget controller
 * @param ringHalfLife        dial outcomes after which an outcome counts half (tracks the answer rate's drift)
 * @param ringShapeHalfLife   answers (or fast failures) after which one counts half in the shape of answer and
 *                            failure times, which changes more slowly than the answer rate
 * @param holdingHalfLife     talks or wrap-ups after which one counts half
 */
public record PredictiveSettings(
        double abandonTarget,
        long ringTimeoutNanos,
        long connectLimitNanos,
        int warmUpDials,
        int warmUpTalks,
        double reserveAbandons,
        double reserveDeviations,
        double initialRiskLimit,
        double controllerGain,
        double controllerLearning,
        double ringHalfLife,
        double ringShapeHalfLife,
        double holdingHalfLife) {

    /** Checks every value; the message names the one that is wrong. */
    public PredictiveSettings {
        if (!(abandonTarget > 0 && abandonTarget < 1)) {
            throw new IllegalArgumentException("abandonTarget: must be within (0, 1), was " + abandonTarget);
        }
        if (ringTimeoutNanos < 1_000_000_000L) {
            throw new IllegalArgumentException("ringTimeout: must be at least 1 s");
        }
        if (connectLimitNanos <= 0) {
            throw new IllegalArgumentException("connectLimit: must be positive");
        }
        if (warmUpDials < 0 || warmUpTalks < 0 || reserveAbandons < 0 || reserveDeviations < 0) {
            throw new IllegalArgumentException("warm-up counts and reserve must not be negative");
        }
        if (!(initialRiskLimit > 0 && initialRiskLimit < 1)) {
            throw new IllegalArgumentException("initialRiskLimit: must be within (0, 1)");
        }
        if (!(ringHalfLife > 0) || !(ringShapeHalfLife > 0) || !(holdingHalfLife > 0)) {
            throw new IllegalArgumentException("half-lives must be positive");
        }
    }

    /** Defaults for a campaign with the given target, ring timeout and connect limit. */
    public static PredictiveSettings defaults(double abandonTarget, long ringTimeoutNanos, long connectLimitNanos) {
        return new PredictiveSettings(abandonTarget, ringTimeoutNanos, connectLimitNanos,
                25, 4, 2.0, 0.7, 0.01, 0.25, 0.01, 400, 1000, 400);
    }
}
