package io.pacer.engine.agent;

/** Where an agent is in its session. Transitions are made only by the engine core. */
public enum AgentState {
    /** No session. */
    LOGGED_OUT,
    /** Logged in, waiting for a call. */
    READY,
    /** Chosen for a specific call or preview before it is connected (preview modes, personal callbacks). */
    RESERVED,
    /** Talking to a customer. */
    ON_CALL,
    /** After a call, recording the outcome. */
    WRAP_UP,
    /** Logged in but taking no calls. */
    PAUSED;

    private static final AgentState[] VALUES = values();

    /** The state with the given ordinal, without allocating. */
    public static AgentState ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
