package io.pacer.pacing;

/**
 * A policy's answer: how many calls to place now, and the two ratios the decision implies, so that operators
 * see what the algorithm is doing in the same terms as a power dialer's knobs. Reused across decisions.
 *
 * <p>The ratios satisfy {@code callsPerReadyAgent * ready + callsPerWrapAgent * wrap ≈ calls in flight after
 * the decision}; how predictive mode splits its calls between the two is derived in {@code docs/pacing.md}.
 */
public final class PacingDecision {
    /** Calls to place now (never negative, never above the channel limit's headroom). */
    public int callsToPlace;
    /** Calls in flight per ready agent implied by this decision. */
    public double callsPerReadyAgent;
    /** Calls in flight per agent in wrap-up implied by this decision. */
    public double callsPerWrapAgent;

    /** Sets all three fields. */
    public void set(int callsToPlace, double callsPerReadyAgent, double callsPerWrapAgent) {
        this.callsToPlace = Math.max(0, callsToPlace);
        this.callsPerReadyAgent = callsPerReadyAgent;
        this.callsPerWrapAgent = callsPerWrapAgent;
    }
}
