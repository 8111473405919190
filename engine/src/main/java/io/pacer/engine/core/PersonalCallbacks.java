package io.pacer.engine.core;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.CallbackFallback;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.campaign.Responsibles;
import io.pacer.engine.port.ContactSlot;

/**
 * The rules for callbacks that belong to someone, on the core's thread. A contact the supply hands out with an
 * owner is dialed only for that agent, who is reserved before the dial, so that the answer is bridged to nobody
 * else; a team callback likewise for the agent of its team who has waited longest. When nobody it may go to is
 * ready, the contact goes back to the supply and stays due, rather than going to someone else or waiting in the
 * core. A personal callback whose owner has not logged in to the campaign within the campaign's grace after it
 * fell due goes to the owner's team or to any agent ({@link AgentRules#callbackFallback()}). An assured contact
 * ({@link ContactSlot#ASSURED}, issue 12) is the same with the agent who has waited longest as its owner: it is
 * never dialed without an agent reserved, so it is never abandoned.
 */
final class PersonalCallbacks {
    /** {@link #agentFor}: the contact may go to any agent and needs none reserved. */
    static final int ANYONE = -1;
    /** {@link #agentFor}: nobody it may go to is ready now. */
    static final int NOBODY = -2;

    private final CoreState state;
    private final AgentTable agents;
    private final AgentLifecycle agentLifecycle;

    PersonalCallbacks(CoreState state, AgentLifecycle agentLifecycle) {
        this.state = state;
        this.agents = state.agents;
        this.agentLifecycle = agentLifecycle;
    }

    /**
     * Reserves the agent the contact in {@code slot} must go to, if it must go to one, and writes it into the slot
     * as its owner.
     *
     * @return {@code true} when the contact may be dialed (it may go to anyone, or its agent is now reserved for
     *         it); {@code false} when nobody it may go to is ready in this campaign and the contact was handed back
     */
    boolean reserveOwner(CampaignRuntime c, ContactSlot slot) {
        int agent = agentFor(c, slot);
        if (agent == ANYONE) {
            return true;
        }
        if (agent == NOBODY) {
            state.contacts.giveBack(c.config().id(), slot.contactId);
            return false;
        }
        slot.ownerAgentId = agent;
        agentLifecycle.reserve(agent, c);
        return true;
    }

    /** The callback could not be dialed after all: the agent reserved for it is available again. */
    void releaseOwner(CampaignRuntime c, int owner) {
        if (owner >= 0) {
            agentLifecycle.makeReady(owner, AgentState.RESERVED, c);
        }
    }

    /** Whether {@code agent} (reserved for a preview offer) may be offered the contact in {@code slot}. */
    boolean mayTake(CampaignRuntime c, ContactSlot slot, int agent) {
        int owner = slot.ownerAgentId;
        if (owner >= 0) {
            Responsibles fallback = owner == agent ? null : fallbackTeam(c, slot);
            return owner == agent || (fallback != null && fallback.allows(agent));
        }
        return slot.team == null || slot.team.allows(agent);
    }

    /** The ready agent the contact must go to, {@link #ANYONE}, or {@link #NOBODY}. */
    private int agentFor(CampaignRuntime c, ContactSlot slot) {
        int owner = slot.ownerAgentId;
        if (owner == ContactSlot.ASSURED) {
            return orNobody(longestReadyIn(c, slot.team));
        }
        if (owner >= 0) {
            if (readyIn(c, owner)) {
                return owner;
            }
            Responsibles fallback = fallbackTeam(c, slot);
            return fallback == null ? NOBODY : orNobody(longestReadyIn(c, fallback));
        }
        return slot.team == null ? ANYONE : orNobody(longestReadyIn(c, slot.team));
    }

    /**
     * Who else may take a personal callback now: {@link Responsibles#ANYONE} or the owner's team once its owner
     * has not logged in to the campaign within the grace; {@code null} while it waits for its owner.
     */
    private Responsibles fallbackTeam(CampaignRuntime c, ContactSlot slot) {
        int owner = slot.ownerAgentId;
        AgentRules rules = c.agentRules;
        boolean ownerIn = agents.valid(owner) && agents.state(owner) != AgentState.LOGGED_OUT
                && agents.campaign(owner) == c.config().id();
        if (ownerIn || rules.callbackGraceMillis() == 0 || slot.dueMillis <= 0
                || state.clock.epochMillis() < slot.dueMillis + rules.callbackGraceMillis()) {
            return null;
        }
        return rules.callbackFallback() == CallbackFallback.TEAM && slot.team != null ? slot.team : Responsibles.ANYONE;
    }

    private boolean readyIn(CampaignRuntime c, int agent) {
        return agents.valid(agent) && agents.state(agent) == AgentState.READY && agents.campaign(agent) == c.config().id();
    }

    /** The ready agent of {@code team} (anyone when {@code null}) who has waited longest, or -1. */
    private int longestReadyIn(CampaignRuntime c, Responsibles team) {
        int agent = agents.longestReady(c.agents);
        while (agent >= 0 && team != null && !team.allows(agent)) {
            agent = agents.nextReady(agent);
        }
        return agent;
    }

    private static int orNobody(int agent) {
        return agent < 0 ? NOBODY : agent;
    }
}
