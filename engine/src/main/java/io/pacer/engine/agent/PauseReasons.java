package io.pacer.engine.agent;

/**
 * Pause reasons the core sets itself. An agent's own reason is a code from 1 to {@link #MAX_AGENT_CODE} that
 * the operator gives a meaning to (lunch, training, ...); the core's codes lie above that range so the two
 * never mix.
 */
public final class PauseReasons {
    /** No reason given. */
    public static final int NONE = 0;
    /** The highest code an agent or supervisor may give. */
    public static final int MAX_AGENT_CODE = 999;
    /** The agent let the campaign's number of preview offers in a row time out. */
    public static final int MISSED_OFFERS = 1001;

    private PauseReasons() {
    }
}
