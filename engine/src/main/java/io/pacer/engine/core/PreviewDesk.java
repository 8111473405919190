package io.pacer.engine.core;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.agent.PauseReasons;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.port.ContactSlot;

/**
 * Preview and push-preview on the core's thread: a contact is offered to one ready agent, who is reserved
 * while looking at it, and the agent's answer dials it, hands it back or marks it do-not-call. The desk
 * remembers each agent's open offer in arrays indexed by agent id, so an answer to an offer that is no longer
 * open (a stale or repeated answer) is ignored.
 */
final class PreviewDesk {
    /** How many contacts that are not the agent's to work one offer passes over before it gives up for now. */
    private static final int MAX_OFFER_TRIES = 8;
    private final CoreState state;
    private final AgentTable agents;
    private final AgentLifecycle agentLifecycle;
    private final CallLifecycle callLifecycle;
    private final PersonalCallbacks callbacks;
    private final long[] offeredContact;
    private final String[] offeredNumber;
    private final String[] offeredCallerId;

    PreviewDesk(CoreState state, AgentLifecycle agentLifecycle, CallLifecycle callLifecycle, PersonalCallbacks callbacks) {
        this.state = state;
        this.agents = state.agents;
        this.agentLifecycle = agentLifecycle;
        this.callLifecycle = callLifecycle;
        this.callbacks = callbacks;
        this.offeredContact = new long[agents.capacity()];
        this.offeredNumber = new String[agents.capacity()];
        this.offeredCallerId = new String[agents.capacity()];
        java.util.Arrays.fill(offeredContact, -1L);
    }

    /** A ready agent of a running agent-first campaign pulls the next contact. */
    void onRequested(int agent) {
        if (!agents.valid(agent) || agents.state(agent) != AgentState.READY) {
            return;
        }
        CampaignRuntime c = state.campaignOfAgent(agent);
        if (c.config().dialMode().agentFirst() && c.running()) {
            offer(agent, c);
        }
    }

    /**
     * Offers the campaign's next contact to a ready agent and reserves it; nothing when no contact is due. A
     * callback that belongs to another agent or to a team the agent is not in goes back to the list instead, and
     * the agent is offered the next contact: it never sees a record that is not its to work.
     */
    void offer(int agent, CampaignRuntime c) {
        ContactSlot slot = state.slot;
        for (int tries = 0; ; tries++) {
            slot.clear();
            if (tries == MAX_OFFER_TRIES || !state.contacts.next(c.config().id(), state.clock.epochMillis(), slot)) {
                return;
            }
            if (callbacks.mayTake(c, slot, agent)) {
                break;
            }
            state.contacts.giveBack(c.config().id(), slot.contactId);
        }
        agentLifecycle.reserve(agent, c);
        offeredContact[agent] = slot.contactId;
        offeredNumber[agent] = slot.number;
        offeredCallerId[agent] = slot.callerId;
        agents.setLastContact(agent, slot.contactId);
        long timeoutMillis = c.agentRules.previewTimeoutMillis();
        if (timeoutMillis > 0) {
            state.timers.schedule(state.nowNanos + timeoutMillis * 1_000_000L, TimerKind.PREVIEW_TIMEOUT,
                    AgentTimerRef.of(agent, agents.stateEpoch(agent)));
        }
        state.telephony.offerPreview(agent, slot.contactId, slot.number);
    }

    /** The contact offered to the agent and not yet answered, or -1. */
    long openOffer(int agent) {
        return agents.valid(agent) && offeredNumber[agent] != null ? offeredContact[agent] : -1;
    }

    /**
     * The campaign's preview timeout has passed: an offer still open goes back to the list, untouched, and the
     * agent is ready again, or paused with {@link PauseReasons#MISSED_OFFERS} once it has let the campaign's
     * number of offers in a row time out.
     */
    void onOfferTimeout(long ref) {
        int agent = AgentTimerRef.agent(ref);
        if (!agents.valid(agent) || agents.state(agent) != AgentState.RESERVED || offeredNumber[agent] == null
                || agents.stateEpoch(agent) != AgentTimerRef.epoch(ref)) {
            return;
        }
        CampaignRuntime c = state.campaignOfAgent(agent);
        state.contacts.giveBack(c.config().id(), offeredContact[agent]);
        offeredContact[agent] = -1;
        offeredNumber[agent] = null;
        int missed = agents.missedOffers(agent) + 1;
        int max = c.agentRules.maxMissedOffers();
        if (max > 0 && missed >= max) {
            agents.setMissedOffers(agent, 0);
            agents.setPausePending(agent, true);
            agents.setPauseReason(agent, PauseReasons.MISSED_OFFERS);
        } else {
            agents.setMissedOffers(agent, missed);
        }
        agentLifecycle.makeReady(agent, AgentState.RESERVED, c);
    }

    /**
     * The agent answered the offer of {@code contactId}: dial it (with the display number it chose, when it chose
     * one; the API checked it is one of the campaign's), skip it, or mark it do-not-call.
     */
    void onAnswered(int agent, long contactId, PreviewAnswer answer, String chosenCallerId) {
        if (!agents.valid(agent) || agents.state(agent) != AgentState.RESERVED
                || offeredContact[agent] != contactId || agents.call(agent) >= 0) {
            return;
        }
        CampaignRuntime c = state.campaignOfAgent(agent);
        String number = offeredNumber[agent];
        String callerId = chosenCallerId != null ? chosenCallerId : offeredCallerId[agent];
        agents.setMissedOffers(agent, 0);
        offeredContact[agent] = -1;
        offeredNumber[agent] = null;
        offeredCallerId[agent] = null;
        switch (answer) {
            case ACCEPT -> {
                long callId = callLifecycle.place(c, contactId, number, callerId, agent);
                if (callId < 0) {
                    agentLifecycle.makeReady(agent, AgentState.RESERVED, c);
                } else {
                    agents.setCall(agent, -1);
                }
            }
            case SKIP -> {
                state.contacts.giveBack(c.config().id(), contactId);
                agentLifecycle.makeReady(agent, AgentState.RESERVED, c);
            }
            case DO_NOT_CALL -> {
                state.contacts.doNotCall(c.config().id(), contactId);
                agentLifecycle.makeReady(agent, AgentState.RESERVED, c);
            }
        }
    }
}
