package io.pacer.pacing;

/**
 * A fixed number of calls in flight per ready agent and per agent in wrap-up, set by the operator (for example
 * 1.7 and 0.1). Right only while the answer rate and handle times it was tuned for hold.
 */
public final class PowerPolicy implements DialPolicy {
    private final double callsPerReadyAgent;
    private final double callsPerWrapAgent;

    /** Both ratios must be non-negative; calls per ready agent is at least 1 so that ready agents get calls. */
    public PowerPolicy(double callsPerReadyAgent, double callsPerWrapAgent) {
        if (!(callsPerReadyAgent >= 1.0) || !(callsPerWrapAgent >= 0.0)) {
            throw new IllegalArgumentException("power ratios: calls per ready agent must be >= 1 and calls per "
                    + "wrap-up agent >= 0, were " + callsPerReadyAgent + " and " + callsPerWrapAgent);
        }
        this.callsPerReadyAgent = callsPerReadyAgent;
        this.callsPerWrapAgent = callsPerWrapAgent;
    }

    @Override
    public void decide(PacingInput in, PacingDecision out) {
        // Floor of the product, plus 1 while any agent is ready so that a lone ready agent always gets a call.
        double target = in.readyAgents * callsPerReadyAgent + in.wrapAgents * callsPerWrapAgent;
        int wanted = (int) Math.floor(target + 1e-9);
        if (in.readyAgents > 0) {
            wanted = Math.max(wanted, in.readyAgents);
        }
        int headroom = in.channelLimit - in.callsInFlight();
        out.set(Math.min(wanted - in.callsInFlight(), headroom), callsPerReadyAgent, callsPerWrapAgent);
    }

    @Override
    public String name() {
        return "power";
    }
}
