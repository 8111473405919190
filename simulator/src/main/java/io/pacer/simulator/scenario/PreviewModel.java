package io.pacer.simulator.scenario;

/**
 * How agents work preview offers, and the campaign's preview timeout ({@code docs/scenarios.md}, "Preview"): each
 * offer is looked at for a drawn time, then accepted, skipped, set to call later or marked do-not-call, or never
 * answered at all (the agent is away), in the given shares. Used when the simulator runs the preview or
 * push-preview policy; the paced policies never make offers.
 *
 * @param decisionTime      how long an agent looks at a record before answering
 * @param skip              share of offers skipped (back to the list, due again after the retry delay)
 * @param callLater         share of offers set to call later (back to the list, due after {@code callLaterNanos})
 * @param doNotCall         share of offers marked do-not-call (the contact leaves the list)
 * @param undecided         share of offers the agent never answers: only the campaign's timeout takes them back
 * @param timeoutNanos      the campaign's preview timeout ({@code AgentRules.previewTimeoutMillis}); 0: none
 * @param callLaterNanos    how long after the answer a contact set to call later is due again
 * @param maxMissed         the campaign's missed offers in a row before the engine pauses the agent
 *                          ({@code AgentRules.maxMissedOffers}); 0: never
 * @param pauseTime         how long an agent so paused takes to come back and make itself ready
 */
public record PreviewModel(Distribution decisionTime, double skip, double callLater, double doNotCall, double undecided,
                           long timeoutNanos, long callLaterNanos, int maxMissed, Distribution pauseTime) {

    /** The store's skip delay: a skipped contact is due again after the no-answer retry delay, 30 minutes. */
    public static final long SKIP_DELAY_NANOS = 1_800_000_000_000L;
    /** Call later when the scenario does not say: in two hours. */
    public static final long DEFAULT_CALL_LATER_NANOS = 7_200_000_000_000L;
    /** Agents accept every offer at once, no timeout: the behaviour when a scenario has no preview keys. */
    public static final PreviewModel NONE = new PreviewModel(Distribution.constant(0), 0, 0, 0, 0, 0,
            DEFAULT_CALL_LATER_NANOS, 0, null);

    /** True when the scenario sets any preview key (the pacing benchmark then also runs the preview modes). */
    public boolean used() {
        return !equals(NONE);
    }

    /** Share of offers accepted (dialled at once for the agent): what the other shares leave. */
    public double accept() {
        return Math.max(0, 1.0 - skip - callLater - doNotCall - undecided);
    }
}
