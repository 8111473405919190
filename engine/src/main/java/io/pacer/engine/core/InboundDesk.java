package io.pacer.engine.core;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.call.CallState;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.campaign.InboundRules;

/**
 * Blending on the core's thread: customers who call a campaign's display or access number. An inbound call goes
 * to the campaign's agent who has waited longest; with none ready it waits in the campaign's queue (ringing) for
 * at most the campaign's maximum wait, and the next agent of the campaign who becomes free takes it before any
 * answered outbound call or new dial. A caller who gives up, or waits the maximum, is recorded as missed.
 *
 * <p>Inbound calls stay out of the outbound books: they are not dials, answers or abandons of the campaign's
 * abandonment rate, and the policy hears nothing of their talk; the pacing only sees fewer agents to dial for
 * ({@link CampaignPacing}). The number-to-campaign map is rebuilt when a campaign's rules change (a command);
 * taking a call looks it up without allocating.
 */
final class InboundDesk {
    private final CoreState state;
    private final CallTable calls;
    private final AgentTable agents;
    private final AgentLifecycle agentLifecycle;
    private final CallLifecycle callLifecycle;
    private CampaignPacing pacing;
    /** Dialled number to campaign id, for the campaigns that take inbound calls. */
    private InboundNumberIndex campaignByNumber = new InboundNumberIndex();

    InboundDesk(CoreState state, AgentLifecycle agentLifecycle, CallLifecycle callLifecycle) {
        this.state = state;
        this.calls = state.calls;
        this.agents = state.agents;
        this.agentLifecycle = agentLifecycle;
        this.callLifecycle = callLifecycle;
    }

    /** Completes construction with the pacing, which is built after this part. */
    void wire(CampaignPacing campaignPacing) {
        this.pacing = campaignPacing;
    }

    /** Sets a campaign's inbound rules and rebuilds which numbers reach which campaign (a command; allocates). */
    void rules(CampaignRuntime c, InboundRules rules) {
        c.inboundRules = rules;
        InboundNumberIndex index = new InboundNumberIndex();
        for (CampaignRuntime each : state.campaigns) {
            if (each != null && each.inboundRules.enabled()) {
                index.add(each.config().id(), each.inboundRules.numbers());
            }
        }
        campaignByNumber = index;
    }

    /**
     * A customer calls: refused when no campaign takes the number, none of its agents is logged in or no call
     * slot is free; else taken, and handed to a ready agent or queued until one is free or the maximum wait.
     */
    void onOffered(long key, String dialled, String caller) {
        int campaignId = campaignByNumber.campaignOf(dialled);
        CampaignRuntime c = campaignId < 0 ? null : state.campaign(campaignId);
        if (c == null || !c.inboundRules.enabled() || c.agents.members() == 0) {
            state.telephony.refuseInbound(key);
            return;
        }
        long callId = calls.allocate(c.config().id(), -1, caller, state.nowNanos, state.clock.epochMillis());
        if (callId < 0) {
            state.telephony.refuseInbound(key);
            return;
        }
        calls.setInbound(callId);
        calls.setCallerId(callId, InboundNumberIndex.e164(dialled, c.inboundRules.numbers()));
        calls.setState(callId, CallState.QUEUED);
        c.counters.increment(CampaignCounters.INBOUND_OFFERED);
        state.telephony.acceptInbound(key, callId, c.config().id());
        int agent = agents.longestReady(c.agents);
        if (agent >= 0) {
            answer(callId, agent, c);
        } else {
            calls.append(callId, c.inboundQueue);
            c.counters.set(CampaignCounters.INBOUND_WAITING, c.inboundQueue.size());
            state.timers.schedule(state.nowNanos + c.inboundRules.maxWaitMillis() * 1_000_000L,
                    TimerKind.INBOUND_MAX_WAIT, callId);
        }
        pacing.pace(c);
    }

    /**
     * An agent of {@code c} has become free: it takes the caller who has waited longest, if any (true), before
     * any answered outbound call or new dial.
     */
    boolean takeWaiting(int agent, CampaignRuntime c) {
        int slot = calls.firstSlot(c.inboundQueue);
        if (slot < 0) {
            return false;
        }
        long callId = calls.idOfSlot(slot);
        calls.remove(callId, c.inboundQueue);
        c.counters.set(CampaignCounters.INBOUND_WAITING, c.inboundQueue.size());
        answer(callId, agent, c);
        return true;
    }

    /** Connects the caller to a ready agent: the telephony answers the call and bridges it. */
    private void answer(long callId, int agent, CampaignRuntime c) {
        long now = state.nowNanos;
        agents.removeReady(agent, c.agents);
        agentLifecycle.move(agent, AgentState.READY, AgentState.ON_CALL, c);
        agents.setCall(agent, callId);
        agents.setLastContact(agent, -1);
        calls.setAgent(callId, agent);
        calls.setState(callId, CallState.BRIDGED);
        calls.setAnswerNanos(callId, now);
        calls.setBridgeNanos(callId, now);
        c.counters.increment(CampaignCounters.INBOUND_ANSWERED);
        state.telephony.bridge(callId, agent);
    }

    /** The caller waited the maximum with no agent free: the call is refused and recorded as missed. */
    void onMaxWait(long callId) {
        if (calls.live(callId) && calls.stateOrdinal(callId) == CallState.QUEUED.ordinal()) {
            CampaignRuntime c = state.campaignOfCall(callId);
            state.telephony.hangUp(callId);
            missed(callId, c);
            pacing.pace(c);
        }
    }

    /** The inbound call ended: a talk ends (the agent to wrap-up), a wait ends as missed. */
    void onEnded(long callId) {
        CampaignRuntime c = state.campaignOfCall(callId);
        if (calls.stateOrdinal(callId) == CallState.BRIDGED.ordinal()) {
            int agent = calls.agent(callId);
            callLifecycle.finish(callId, CallOutcome.CONNECTED, c);
            agentLifecycle.endCall(agent, c);
        } else {
            missed(callId, c);
        }
        pacing.pace(c);
    }

    private void missed(long callId, CampaignRuntime c) {
        if (calls.stateOrdinal(callId) == CallState.QUEUED.ordinal()) {
            calls.remove(callId, c.inboundQueue);
            c.counters.set(CampaignCounters.INBOUND_WAITING, c.inboundQueue.size());
        }
        c.counters.increment(CampaignCounters.INBOUND_MISSED);
        callLifecycle.finish(callId, CallOutcome.NO_ANSWER, c);
    }

    /** True when the agent is on an inbound call (not a talk the outbound forecast may count on). */
    boolean onInbound(int agent) {
        long callId = agents.call(agent);
        return callId >= 0 && calls.live(callId) && calls.inbound(callId);
    }
}
