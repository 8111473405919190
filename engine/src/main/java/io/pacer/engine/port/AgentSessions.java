package io.pacer.engine.port;

/**
 * The agents' phone sessions, as far as a login or a logout through the API needs them. An agent can only
 * take calls while a session to its phone is up (the SIP adapter's nailed-up call), so an API login first asks
 * for the session and the engine hears of the login from the session's owner once the phone has answered;
 * a logout ends the session once the engine has actually logged the agent out (after its call, if it was on
 * one).
 *
 * <p>Without telephony that needs a phone (tests, the simulator) {@link #NONE} says no session is needed and
 * the API logs the agent in at once, as before.
 */
public interface AgentSessions {

    /** What {@link #open} did about the agent's session. */
    enum Opening {
        /** No phone session is needed: the caller logs the agent in itself. */
        NOT_NEEDED(null),
        /** The session was already up: its owner has told the engine of the login to the new campaign. */
        UP(null),
        /** The phone is being called; the engine hears of the login when it answers, and never if it does not. */
        CALLING(null),
        /** The agent has no phone in the telephony configuration. */
        UNKNOWN_AGENT("the agent has no phone in the SIP configuration"),
        /** The phone is not registered and has no fixed address, or the call to it could not be sent. */
        UNREACHABLE("the agent's phone is not registered and has no fixed address"),
        /** The telephony adapter did not answer in time (stopped, or overloaded). */
        NO_ANSWER_FROM_ADAPTER("the SIP adapter did not answer in time");

        private final String problem;

        Opening(String problem) {
            this.problem = problem;
        }

        /** Why the login cannot go ahead, for a person; {@code null} when it does. */
        public String problem() {
            return problem;
        }

        /** True when the login goes ahead (now, or once the phone answers). */
        public boolean accepted() {
            return problem == null;
        }
    }

    /**
     * Makes sure the agent's phone session is up, or being set up, for a login to {@code campaignId}. Called on
     * an API thread; may wait briefly for the adapter's answer, never on the core's thread.
     */
    Opening open(int agentId, int campaignId);

    /**
     * The engine has logged the agent out: end its phone session. Called on the core's thread, so it only hands
     * the work to the adapter's thread and returns.
     */
    void close(int agentId);

    /** No phones: logins need no session, logouts end none. */
    AgentSessions NONE = new AgentSessions() {
        @Override
        public Opening open(int agentId, int campaignId) {
            return Opening.NOT_NEEDED;
        }

        @Override
        public void close(int agentId) {
        }
    };
}
