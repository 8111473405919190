package io.pacer.api.service;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.PauseReasons;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.engine.control.EngineControl;
import io.pacer.engine.port.AgentSessions;
import io.pacer.store.Storage;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.NotPermittedException;
import io.pacer.store.user.User;

/**
 * An agent's own state in the core: log in to a campaign (only its responsibles may, and only with a phone
 * session the core can bridge to), ready, pause, log out. The core decides; this only checks what storage
 * knows and passes the command on.
 */
public final class AgentService {

    /** The furthest ahead a departure may be announced: a day, longer than any shift. */
    public static final long MAX_NOTICE_MILLIS = 24L * 3_600_000L;

    private final Storage storage;
    private final EngineControl engine;

    /** Agent workflows over storage and the core's command surface. */
    public AgentService(Storage storage, EngineControl engine) {
        this.storage = storage;
        this.engine = engine;
    }

    /**
     * Logs the agent in to a campaign it is responsible for (as a user or through one of its groups).
     *
     * @return how the login proceeds: at once, or once the agent's phone has answered
     */
    public AgentSessions.Opening login(User agent, long campaignId) {
        storage.campaigns().get(campaignId);
        if (!storage.campaigns().isResponsible(campaignId, agent.id())) {
            throw new NotPermittedException("campaignId", "you are not responsible for campaign " + campaignId);
        }
        AgentSessions.Opening opening = engine.agentLogin((int) agent.id(), (int) campaignId);
        if (!opening.accepted()) {
            // Nothing reached the engine: an agent without a session would be bridged to silence.
            throw new ConflictException("phone", opening.problem());
        }
        return opening;
    }

    /**
     * Makes the agent ready for calls; refused for an agent logged in to no campaign.
     *
     * @return the state the core reached, or {@code null} when no core can tell
     */
    public AgentState ready(User agent) {
        requireLoggedIn(agent);
        engine.agentReady((int) agent.id());
        return engine.agentState((int) agent.id());
    }

    /**
     * Pauses the agent (after its current call, if any) for a reason, a code from 1 to 999 whose meanings the
     * operator chose (0: none); refused for an agent logged in to no campaign.
     *
     * @return the state the core reached, or {@code null} when no core can tell
     */
    public AgentState pause(User agent, int reasonCode) {
        if (reasonCode < 0 || reasonCode > PauseReasons.MAX_AGENT_CODE) {
            throw new InvalidFieldException("reasonCode", "must be within 0..999 (0: no reason)");
        }
        requireLoggedIn(agent);
        engine.agentPause((int) agent.id(), reasonCode);
        return engine.agentState((int) agent.id());
    }

    /**
     * A supervisor pauses an agent (after its current call or offer, if any) for a reason, as the agent itself
     * could: the core decides. Refused for a user who is no agent (404) and for an agent logged in to no campaign.
     *
     * @return the state the core reached, or {@code null} when no core can tell
     */
    public AgentState pauseAgent(long agentId, int reasonCode) {
        return pause(agent(agentId), reasonCode);
    }

    /**
     * Notice that the agent will leave at {@code leaveAtMillis} (epoch): pacing stops counting on it one ring
     * timeout plus connect limit before, so no call is launched whose answer would find it gone. The time must
     * be in the future and within {@link #MAX_NOTICE_MILLIS} (a notice for next week is a typo, and would hold
     * nothing back until then anyway); refused for an agent logged in to no campaign, whose notice would be
     * dropped. A new login clears the notice.
     *
     * @return the departure time accepted, epoch milliseconds
     */
    public long departure(User agent, long leaveAtMillis, long nowMillis) {
        if (leaveAtMillis < 0) {
            throw new InvalidFieldException("leaveAt", "missing: the time the agent leaves, ISO-8601 (or leaveAtMillis)");
        }
        if (leaveAtMillis <= nowMillis) {
            throw new InvalidFieldException("leaveAt", "must be in the future (the agent who has left logs out or pauses)");
        }
        if (leaveAtMillis - nowMillis > MAX_NOTICE_MILLIS) {
            throw new InvalidFieldException("leaveAt", "must be within 24 hours from now");
        }
        requireLoggedIn(agent);
        engine.agentLeavesIn((int) agent.id(), leaveAtMillis - nowMillis);
        return leaveAtMillis;
    }

    /** Withdraws the agent's notice of departure (it stays after all); nothing happens if it gave none. */
    public void withdrawDeparture(User agent) {
        requireLoggedIn(agent);
        engine.agentLeavesIn((int) agent.id(), Long.MAX_VALUE);
    }

    /** The agent with this id, for a supervisor's command: 404 for a user who is no agent. */
    public User agent(long agentId) {
        User agent = storage.users().get(agentId);
        if (agent.role() != io.pacer.store.user.Role.AGENT) {
            throw new io.pacer.store.error.NotFoundException("agentId", agentId);
        }
        return agent;
    }

    /**
     * Logs the agent out (after its current call, if any).
     *
     * @return the state the core reached (still on the call while a logout waits for it), or {@code null}
     */
    public AgentState logout(User agent) {
        engine.agentLogout((int) agent.id());
        return engine.agentState((int) agent.id());
    }

    private void requireLoggedIn(User agent) {
        if (engine.agentState((int) agent.id()) == AgentState.LOGGED_OUT) {
            throw new ConflictException("state", "not logged in to any campaign; log in to one first");
        }
    }
}
