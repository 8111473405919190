package io.pacer.engine.core;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.port.ContactSlot;

/**
 * The rule for personal callbacks on the core's thread: a contact the supply hands out with an owner is dialed
 * only for that agent, who is reserved before the dial, so that the answer is bridged to nobody else. When the
 * owner is not ready in the campaign, the contact goes back to the supply and stays due, rather than going to
 * another agent or waiting in the core. An assured contact ({@link ContactSlot#ASSURED}, issue 12) is the same
 * with the agent who has waited longest as its owner: it is never dialed without an agent reserved, so it is
 * never abandoned.
 */
final class PersonalCallbacks {
    private final CoreState state;
    private final AgentTable agents;
    private final AgentLifecycle agentLifecycle;

    PersonalCallbacks(CoreState state, AgentLifecycle agentLifecycle) {
        this.state = state;
        this.agents = state.agents;
        this.agentLifecycle = agentLifecycle;
    }

    /**
     * Reserves the owner of the contact in {@code slot}, if it has one; for an assured contact, the agent who has
     * waited longest, written into the slot as its owner.
     *
     * @return {@code true} when the contact may be dialed (no owner, or its owner is now reserved for it);
     *         {@code false} when its owner is not ready in this campaign and the contact was handed back
     */
    boolean reserveOwner(CampaignRuntime c, ContactSlot slot) {
        int owner = slot.ownerAgentId;
        int campaignId = c.config().id();
        if (owner == ContactSlot.ASSURED) {
            owner = agents.longestReady(c.agents);
            if (owner < 0) {
                state.contacts.giveBack(campaignId, slot.contactId);
                return false;
            }
            slot.ownerAgentId = owner;
        }
        if (owner < 0) {
            return true;
        }
        if (!agents.valid(owner) || agents.state(owner) != AgentState.READY || agents.campaign(owner) != campaignId) {
            state.contacts.giveBack(campaignId, slot.contactId);
            return false;
        }
        agentLifecycle.reserve(owner, c);
        return true;
    }

    /** The callback for {@code owner} could not be dialed after all: its owner is available again. */
    void releaseOwner(CampaignRuntime c, int owner) {
        if (owner >= 0) {
            agentLifecycle.makeReady(owner, AgentState.RESERVED, c);
        }
    }
}
