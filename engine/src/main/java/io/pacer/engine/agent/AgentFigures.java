package io.pacer.engine.agent;

/**
 * One agent as the console's grid shows it, read on the core's thread for the whole floor in one question (never
 * per agent per second) and never on the per-event path.
 *
 * @param agentId            agent
 * @param state              the state the core has the agent in
 * @param campaignId         campaign logged in to, 0 when logged out
 * @param pauseReason        why the agent is paused or will pause, 0 when no reason was given
 * @param callsToday         calls the agent was bridged to since local midnight in the site's zone ({@link AgentDay})
 * @param talkAverageMillis  its average talk today, -1 when none ended today
 * @param wrapAverageMillis  its average wrap-up today, -1 when none ended today
 * @param lastLogoutReason   why it was last logged out
 * @param lastLogoutAtMillis when (epoch milliseconds), 0 when it has not been since the core started
 */
public record AgentFigures(int agentId, AgentState state, int campaignId, int pauseReason, int callsToday,
        long talkAverageMillis, long wrapAverageMillis, LogoutReason lastLogoutReason, long lastLogoutAtMillis) {

    /**
     * The agent is logged out because its phone died and has not logged back in: the floor's dead-phone alert.
     */
    public boolean phoneDead() {
        return state == AgentState.LOGGED_OUT && lastLogoutReason == LogoutReason.PHONE_DEAD;
    }
}
