package io.pacer.pacing;

/**
 * How a campaign decides when to place calls. The first two put the agent first (no pacing ratio); the others
 * call the contact first and differ in how many calls they keep in flight per agent.
 */
public enum DialMode {
    /** The agent takes a record, sees it, then the call is placed for that agent. */
    PREVIEW,
    /** The system pushes a record to a ready agent, who clicks to dial it. */
    PUSH_PREVIEW,
    /** One call per ready agent. */
    PROGRESSIVE,
    /** Fixed calls per ready agent and per agent in wrap-up, set by the operator. */
    POWER,
    /** Both ratios computed live from forecasts, under the abandonment target. */
    PREDICTIVE,
    /** The yardstick: an adaptive dial level in the manner of the common open-source dialer. */
    ADAPTIVE;

    /** True for the modes where the agent is chosen before the call is placed. */
    public boolean agentFirst() {
        return this == PREVIEW || this == PUSH_PREVIEW;
    }
}
