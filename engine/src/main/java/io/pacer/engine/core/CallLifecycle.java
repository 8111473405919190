package io.pacer.engine.core;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.call.CallState;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.metrics.LatencyRecorder;
import io.pacer.engine.port.CallRecord;
import io.pacer.pacing.DialResult;

/**
 * A call's life on the core's thread, from its dial to its one record in the journal: ringing, answer, bridge
 * to the agent who has waited longest (or a wait of at most the connect limit, then the abandon message),
 * failure, end, and the timers that guard each step. Events about a call that has ended find a different id in
 * its slot and are ignored. Each step tells the policy what it learned and paces the campaign again.
 */
final class CallLifecycle {
    /** Give the adapter this long to confirm a CANCEL before the call is closed as unanswered anyway. */
    private static final long CANCEL_GUARD_NANOS = 32_000_000_000L;
    /**
     * The shortest pause in placing calls after one could not be placed: without it, each contact handed back
     * would be followed at once by the next, taken from the hopper only to be handed back too.
     */
    static final long MIN_HOLD_MILLIS = 200;

    private final CoreState state;
    private final CallTable calls;
    private final AgentTable agents;
    private final AgentLifecycle agentLifecycle;
    private final CallRecord record = new CallRecord();
    private final LatencyRecorder coreAnswerToBridge = new LatencyRecorder();
    private CampaignPacing pacing;
    private AmdVerdicts amdVerdicts;
    private InboundDesk inbound;

    CallLifecycle(CoreState state, AgentLifecycle agentLifecycle) {
        this.state = state;
        this.calls = state.calls;
        this.agents = state.agents;
        this.agentLifecycle = agentLifecycle;
    }

    /** Completes construction with the pacing, which is built after this part and places calls through it. */
    void wire(CampaignPacing campaignPacing) {
        this.pacing = campaignPacing;
    }

    /** Completes construction with the part that holds calls for answering-machine detection. */
    void wireAmd(AmdVerdicts verdicts) {
        this.amdVerdicts = verdicts;
    }

    /** Completes construction with the part that takes customers' inbound calls. */
    void wireInbound(InboundDesk desk) {
        this.inbound = desk;
    }

    /** The core's share of answer-to-bridge: from the answer's event being published to the bridge command. */
    LatencyRecorder coreAnswerToBridge() {
        return coreAnswerToBridge;
    }

    /**
     * Places one call presenting {@code callerId} (the supply's choice, or {@code null} for the campaign's display
     * number); returns its id, or -1 (contact handed back) when no call slot is free.
     */
    long place(CampaignRuntime c, long contactId, String number, String callerId, int reservedAgent) {
        CampaignConfig cfg = c.config();
        long now = state.nowNanos;
        long callId = calls.allocate(cfg.id(), contactId, number, now, state.clock.epochMillis());
        if (callId < 0) {
            state.contacts.giveBack(cfg.id(), contactId);
            return -1;
        }
        String presented = callerId != null ? callerId : cfg.callerId();
        calls.setCallerId(callId, presented);
        calls.setReservedAgent(callId, reservedAgent);
        calls.append(callId, c.inFlight);
        c.counters.increment(CampaignCounters.DIALS);
        long ringTimerMillis = state.telephony.coreRingTimerMillis(cfg.ringTimeoutMillis());
        state.timers.schedule(now + ringTimerMillis * 1_000_000L, TimerKind.RING_TIMEOUT, callId);
        state.telephony.dial(callId, cfg.id(), contactId, number, presented, cfg.ringTimeoutMillis());
        return callId;
    }

    /** The INVITE left: the journal marks the contact's call placed (a crash now books it as interrupted). */
    void onPlaced(long callId) {
        if (calls.live(callId)) {
            state.journal.placed(callId, calls.campaign(callId), calls.contactId(callId));
        }
    }

    void onRinging(long callId) {
        if (calls.live(callId) && calls.stateOrdinal(callId) == CallState.DIALING.ordinal()) {
            calls.setState(callId, CallState.RINGING);
        }
    }

    /**
     * Bridges the answered call to its reserved agent or the one who has waited longest, or lets it wait; on a
     * campaign with answering-machine detection, holds it from agents until the verdict ({@link AmdVerdicts}).
     */
    void onAnswered(long callId, long answeredNanos) {
        if (!calls.live(callId) || !beforeAnswer(callId)) {
            return;
        }
        CampaignRuntime c = state.campaignOfCall(callId);
        calls.setAnswerNanos(callId, answeredNanos);
        if (c.config().amd().enabled()) {
            amdVerdicts.hold(callId, answeredNanos, c);
            return;
        }
        calls.remove(callId, c.inFlight);
        toAgent(callId, c);
    }

    /**
     * A live answer (or one passed on as such) that is out of the in-flight list: to the reserved agent or the
     * one who has waited longest, else it waits until the connect limit, counted from the answer.
     */
    void toAgent(long callId, CampaignRuntime c) {
        long now = state.nowNanos;
        c.policy().onDialResolved(now, DialResult.ANSWERED, now - calls.dialNanos(callId));
        calls.setState(callId, CallState.ANSWERED);
        c.counters.increment(CampaignCounters.ANSWERS);
        int reservedAgent = calls.reservedAgent(callId);
        int agent = reservedAgent >= 0 ? reservedAgent : agents.longestReady(c.agents);
        if (agent >= 0) {
            bridge(callId, agent, c);
        } else {
            calls.append(callId, c.waiting);
            long limitNanos = calls.answerNanos(callId) + c.config().connectLimitMillis() * 1_000_000L;
            state.timers.schedule(Math.max(limitNanos, now), TimerKind.CONNECT_LIMIT, callId);
        }
        pacing.pace(c);
    }

    /**
     * An answered call that will reach no agent and is no live answer (a machine, a tone): resolved for the
     * pacing as not answered, recorded with {@code outcome}, its reserved agent ready again.
     */
    void endUnanswered(long callId, CallOutcome outcome, CampaignRuntime c) {
        long now = state.nowNanos;
        c.policy().onDialResolved(now, DialResult.NOT_ANSWERED, now - calls.dialNanos(callId));
        int reserved = calls.reservedAgent(callId);
        finish(callId, outcome, c);
        if (reserved >= 0 && agents.state(reserved) == AgentState.RESERVED) {
            agentLifecycle.makeReady(reserved, AgentState.RESERVED, c);
        }
        pacing.pace(c);
    }

    /**
     * A call held for detection is given up as a live answer no agent took: the abandon message, counted as
     * abandoned (a person held in silence by the analysis who hangs up, or a not-sure verdict dropped).
     */
    void abandonHeld(long callId, CallOutcome outcome, CampaignRuntime c) {
        long now = state.nowNanos;
        c.policy().onDialResolved(now, DialResult.ANSWERED, now - calls.dialNanos(callId));
        c.counters.increment(CampaignCounters.ANSWERS);
        c.counters.increment(CampaignCounters.ABANDONS);
        c.onAnswerHandled(now, true);
        int reserved = calls.reservedAgent(callId);
        finish(callId, outcome, c);
        if (reserved >= 0 && agents.state(reserved) == AgentState.RESERVED) {
            agentLifecycle.makeReady(reserved, AgentState.RESERVED, c);
        }
        pacing.pace(c);
    }

    boolean beforeAnswer(long callId) {
        int s = calls.stateOrdinal(callId);
        return s == CallState.DIALING.ordinal() || s == CallState.RINGING.ordinal()
                || s == CallState.CANCELLING.ordinal();
    }

    /** Connects an answered call to an agent (ready, or reserved for it). */
    void bridge(long callId, int agent, CampaignRuntime c) {
        long now = state.nowNanos;
        AgentState before = agents.state(agent);
        if (before == AgentState.READY) {
            agents.removeReady(agent, c.agents);
        }
        agentLifecycle.move(agent, before, AgentState.ON_CALL, c);
        agents.setCall(agent, callId);
        agents.setLastContact(agent, calls.contactId(callId));
        calls.setAgent(callId, agent);
        calls.setState(callId, CallState.BRIDGED);
        calls.setBridgeNanos(callId, now);
        state.telephony.bridge(callId, agent);
        coreAnswerToBridge.recordNanos(now - calls.answerNanos(callId));
        c.counters.increment(CampaignCounters.CONNECTS);
        c.onAnswerHandled(now, false);
    }

    /** The call ended before an answer; a failure after the answer is an end. */
    void onFailed(long callId, CallOutcome outcome) {
        if (!calls.live(callId)) {
            return;
        }
        if (!beforeAnswer(callId)) {
            onEnded(callId);
            return;
        }
        long now = state.nowNanos;
        CampaignRuntime c = state.campaignOfCall(callId);
        calls.remove(callId, c.inFlight);
        DialResult result = outcome == CallOutcome.NO_ANSWER ? DialResult.RANG_OUT : DialResult.NOT_ANSWERED;
        c.policy().onDialResolved(now, result, now - calls.dialNanos(callId));
        int reserved = calls.reservedAgent(callId);
        finish(callId, outcome, c);
        if (reserved >= 0 && agents.state(reserved) == AgentState.RESERVED) {
            agentLifecycle.makeReady(reserved, AgentState.RESERVED, c);
        }
        pacing.pace(c);
    }

    /**
     * The adapter sent nothing for the call: undo it as if it had never been dialled. Its contact goes back to
     * the supply untouched (no record, no attempt), the dial is not counted and the policy never hears of it, a
     * reserved agent is free again, and the campaign places nothing until the trunk can take a call. Only a
     * call that never rang can be unplaced; a late report about one that did is ignored.
     */
    void onNotPlaced(long callId, long retryAfterMillis) {
        if (!calls.live(callId)) {
            return;
        }
        int s = calls.stateOrdinal(callId);
        if (s != CallState.DIALING.ordinal() && s != CallState.CANCELLING.ordinal()) {
            return;
        }
        CampaignRuntime c = state.campaignOfCall(callId);
        calls.remove(callId, c.inFlight);
        c.counters.decrement(CampaignCounters.DIALS);
        c.counters.increment(CampaignCounters.NOT_PLACED);
        state.contacts.giveBack(calls.campaign(callId), calls.contactId(callId));
        int reserved = calls.reservedAgent(callId);
        calls.release(callId);
        c.holdDials(state.nowNanos + Math.max(retryAfterMillis, MIN_HOLD_MILLIS) * 1_000_000L);
        c.counters.set(CampaignCounters.IN_FLIGHT, c.inFlight.size());
        if (reserved >= 0 && agents.state(reserved) == AgentState.RESERVED) {
            agentLifecycle.makeReady(reserved, AgentState.RESERVED, c);
        }
    }

    /**
     * The number of the {@code wanted} calls the campaign may place now: none while its dials are held after one
     * could not be placed, and never more than its trunk can take ({@link io.pacer.engine.port.Telephony#placeableNow}).
     */
    int placeable(CampaignRuntime c, int wanted) {
        int room = c.dialsHeld(state.nowNanos) ? 0 : state.telephony.placeableNow(c.config().id());
        c.counters.set(CampaignCounters.DIALS_HELD, room <= 0 ? 1 : 0);
        return Math.max(0, Math.min(wanted, room));
    }

    /** The customer leg ended: a talk ends, a wait ends as abandoned, anything earlier as a failure. */
    void onEnded(long callId) {
        if (!calls.live(callId)) {
            return;
        }
        if (calls.inbound(callId)) {
            inbound.onEnded(callId);
            return;
        }
        long now = state.nowNanos;
        CampaignRuntime c = state.campaignOfCall(callId);
        int s = calls.stateOrdinal(callId);
        if (s == CallState.BRIDGED.ordinal()) {
            int agent = calls.agent(callId);
            c.policy().onTalkEnded(now, now - calls.bridgeNanos(callId));
            finish(callId, CallOutcome.CONNECTED, c);
            agentLifecycle.endCall(agent, c);
        } else if (s == CallState.DETECTING.ordinal()) {
            amdVerdicts.endedWhileHeld(callId, c);
            return;
        } else if (s == CallState.ANSWERED.ordinal()) {
            // The customer gave up inside the connect limit: no agent reached them, so it counts as abandoned.
            calls.remove(callId, c.waiting);
            c.counters.increment(CampaignCounters.ABANDONS);
            c.onAnswerHandled(now, true);
            finish(callId, CallOutcome.CUSTOMER_HUNG_UP, c);
        } else {
            onFailed(callId, CallOutcome.FAILURE);
            return;
        }
        pacing.pace(c);
    }

    /** The agent ended its customer call; its own session stays up. */
    void onAgentHangUp(int agent) {
        if (!agents.valid(agent) || agents.state(agent) != AgentState.ON_CALL) {
            return;
        }
        long callId = agents.call(agent);
        if (calls.live(callId)) {
            state.telephony.hangUp(callId);
            onEnded(callId);
        }
    }

    /**
     * The agent's phone died: a customer bridged to it was talking to nobody, so for the regulator the call is
     * abandoned (docs/compliance.md): the adapter plays the message then hangs up, the record says
     * {@code ABANDONED}, and the answer counted as live at the bridge is counted as abandoned in the window. The
     * agent is logged out at once, so no waiting customer can be bridged to the dead phone meanwhile.
     */
    void onAgentLost(int agent) {
        if (!agents.valid(agent) || agents.state(agent) == AgentState.LOGGED_OUT) {
            return;
        }
        CampaignRuntime c = state.campaignOfAgent(agent);
        long callId = agents.call(agent);
        if (agents.state(agent) == AgentState.ON_CALL && calls.live(callId) && calls.inbound(callId)) {
            // A caller of the campaign, not a dial: no abandon of the outbound books, the call just ends.
            state.telephony.hangUp(callId);
            inbound.onEnded(callId);
        } else if (agents.state(agent) == AgentState.ON_CALL && calls.live(callId)
                && calls.stateOrdinal(callId) == CallState.BRIDGED.ordinal()) {
            state.telephony.abandon(callId);
            c.counters.increment(CampaignCounters.ABANDONS);
            c.onBridgeLost(state.nowNanos);
            finish(callId, CallOutcome.ABANDONED, c);
            agentLifecycle.endCall(agent, c);
        }
        agentLifecycle.onLogout(agent, io.pacer.engine.agent.LogoutReason.PHONE_DEAD);
        pacing.pace(c);
    }

    /** The call rang for the ring timeout: cancel it, and guard against a cancel that is never confirmed. */
    void onRingTimeout(long callId) {
        if (calls.live(callId) && (calls.stateOrdinal(callId) == CallState.DIALING.ordinal()
                || calls.stateOrdinal(callId) == CallState.RINGING.ordinal())) {
            calls.setState(callId, CallState.CANCELLING);
            state.telephony.cancel(callId);
            state.timers.schedule(state.nowNanos + CANCEL_GUARD_NANOS, TimerKind.CANCEL_GUARD, callId);
        }
    }

    /** The adapter never confirmed the cancel: close the call as unanswered. */
    void onCancelGuard(long callId) {
        if (calls.live(callId) && calls.stateOrdinal(callId) == CallState.CANCELLING.ordinal()) {
            onFailed(callId, CallOutcome.NO_ANSWER);
        }
    }

    /** The answered call waited the connect limit with no agent free: abandon it. */
    void onConnectLimit(long callId) {
        if (calls.live(callId) && calls.stateOrdinal(callId) == CallState.ANSWERED.ordinal()) {
            CampaignRuntime c = state.campaignOfCall(callId);
            calls.remove(callId, c.waiting);
            state.telephony.abandon(callId);
            c.counters.increment(CampaignCounters.ABANDONS);
            c.onAnswerHandled(state.nowNanos, true);
            finish(callId, CallOutcome.ABANDONED, c);
            pacing.pace(c);
        }
    }

    /** Writes the call's record, counts its outcome and frees its slot. */
    void finish(long callId, CallOutcome outcome, CampaignRuntime c) {
        CallRecord r = record;
        r.callId = callId;
        r.campaignId = calls.campaign(callId);
        r.contactId = calls.contactId(callId);
        r.number = calls.number(callId);
        r.callerId = calls.callerId(callId);
        r.agentId = calls.agent(callId);
        r.outcome = outcome;
        r.startEpochMillis = calls.startEpochMillis(callId);
        r.dialNanos = calls.dialNanos(callId);
        r.answerNanos = calls.answerNanos(callId);
        r.bridgeNanos = calls.bridgeNanos(callId);
        r.endNanos = state.nowNanos;
        r.amdVerdict = calls.amdVerdict(callId);
        r.amdCause = calls.amdCause(callId);
        r.amdDecisionMillis = calls.amdDecisionMillis(callId);
        r.amdAction = calls.amdAction(callId);
        r.amdFalsePositives = calls.amdFalsePositives(callId);
        r.inbound = calls.inbound(callId);
        state.journal.record(r);
        if (!r.inbound) {
            // Inbound calls have counters of their own; these are the dials' outcomes.
            c.counters.increment(CampaignCounters.OUTCOME_BASE + outcome.ordinal());
        }
        calls.release(callId);
    }
}
