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
        User agent = storage.users().get(agentId);
        if (agent.role() != io.pacer.store.user.Role.AGENT) {
            throw new io.pacer.store.error.NotFoundException("agentId", agentId);
        }
        return pause(agent, reasonCode);
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
