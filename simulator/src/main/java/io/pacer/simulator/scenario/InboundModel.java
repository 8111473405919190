package io.pacer.simulator.scenario;

/**
 * Customers who call the campaign back (blending), as described in {@code docs/scenarios.md}: calls arrive at
 * random (a Poisson stream) at a mean rate, talk for their own time, wait in the campaign's queue at most the
 * maximum wait, and may give up sooner; the campaign keeps some ready agents back for them.
 *
 * @param perHour        mean inbound calls per hour; 0: none
 * @param talkTime       how long an answered caller talks
 * @param maxWaitNanos   the campaign's maximum wait: a caller still queued then is refused (missed)
 * @param patience       how long a caller waits before hanging up, or {@code null} for as long as the maximum wait
 * @param reservedAgents ready agents the pacing does not dial for
 */
public record InboundModel(double perHour, Distribution talkTime, long maxWaitNanos, Distribution patience,
                           int reservedAgents) {

    /** No inbound calls. */
    public static final InboundModel NONE = new InboundModel(0, null, 60_000_000_000L, null, 0);

    /** True when callers arrive at all. */
    public boolean enabled() {
        return perHour > 0;
    }
}
