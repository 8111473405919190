package io.pacer.engine.agent;

/**
 * Why an agent was last logged out, kept by the core so the console can tell a supervisor an agent did not
 * leave of its own accord (docs/console.md, "Alerts").
 */
public enum LogoutReason {
    /** The agent has not been logged out since the core started. */
    NONE,
    /** The agent, a supervisor, or a change of the campaign's responsibles asked for it. */
    ASKED,
    /**
     * The agent's nailed-up phone died: it stopped answering the keep-alive OPTIONS or its media stopped
     * (the SIP adapter's {@code AgentWatch}, docs/sip.md), and the core logged the agent out.
     */
    PHONE_DEAD;

    private static final LogoutReason[] VALUES = values();

    /** The reason with this ordinal. */
    public static LogoutReason ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
