package io.pacer.engine.agent;

/**
 * One agent as the core sees it, read on the core's thread for the agent's desktop and the API: its state,
 * campaign, call, and the contact it is offered, connected to, or wrapping up. Built only for a query, never
 * on the per-event path.
 *
 * @param agentId       agent
 * @param state         the state the core has the agent in
 * @param campaignId    campaign logged in to, 0 when logged out
 * @param callId        the call the agent is in, or -1
 * @param contactId     the contact of the open offer, the call, or the last call or offer (during wrap-up);
 *                      -1 when none
 * @param offerOpen     {@code contactId} is offered for preview and waits for the agent's answer
 * @param pauseReason   why the agent is paused or will pause, 0 when no reason was given (see {@link PauseReasons})
 * @param pausePending  a pause asked for during a call or offer takes effect when it ends
 * @param missedOffers  preview offers the agent let time out in a row
 * @param inStateMillis how long the agent has been in its state
 */
public record AgentView(int agentId, AgentState state, int campaignId, long callId, long contactId, boolean offerOpen,
        int pauseReason, boolean pausePending, int missedOffers, long inStateMillis) {
}
