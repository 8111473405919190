package io.pacer.pacing;

/**
 * One call in flight per ready agent: never abandons by over-dialling, but the agent waits through every ring,
 * busy and no-answer.
 */
public final class ProgressivePolicy implements DialPolicy {

    @Override
    public void decide(PacingInput in, PacingDecision out) {
        int headroom = in.channelLimit - in.callsInFlight();
        int want = in.readyAgents - in.callsInFlight();
        out.set(Math.min(want, headroom), 1.0, 0.0);
    }

    @Override
    public String name() {
        return "progressive";
    }
}
