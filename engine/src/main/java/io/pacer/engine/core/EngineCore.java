package io.pacer.engine.core;

import com.lmax.disruptor.EventHandler;
import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.call.CallState;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.metrics.LatencyRecorder;
import io.pacer.engine.port.AgentSessions;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.Clock;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import io.pacer.engine.port.Timers;
import io.pacer.pacing.DialResult;
import io.pacer.pacing.PacingInput;

/**
 * The business core: campaigns, agents and calls, owned by one thread. Every event enters through
 * {@link #dispatch} (from the Disruptor ring live, or directly from the simulator on virtual time); every effect
 * leaves through a port. There are no locks and, once the tables are allocated, no allocation per event.
 *
 * <p>The rules it enforces: an answered call goes to the agent who has waited longest, or waits at most the
 * connect limit and is then abandoned with the message; an agent is in at most one call; a call is placed only
 * for a running campaign, within its channel cap, for a contact the supply hands out; every call ends with
 * exactly one record in the journal.
 */
public final class EngineCore implements EventHandler<EngineEvent> {
    /** Give the adapter this long to confirm a CANCEL before the call is closed as unanswered anyway. */
    private static final long CANCEL_GUARD_NANOS = 32_000_000_000L;
    private static final PreviewAnswer[] PREVIEW_ANSWERS = PreviewAnswer.values();

    private final EngineLimits limits;
    private final Clock clock;
    private final Timers timers;
    private final Telephony telephony;
    private final ContactSupply contacts;
    private final CallJournal journal;
    private final AgentTable agents;
    private final CallTable calls;
    private final CampaignRuntime[] campaigns;
    private final long[] previewContact;
    private final String[] previewNumber;
    private final ContactSlot slot = new ContactSlot();
    private final CallRecord record = new CallRecord();
    private final LatencyRecorder answerToBridge = new LatencyRecorder();
    private final long tickNanos;
    private AgentSessions sessions = AgentSessions.NONE;
    private long now;
    private long events;
    private boolean started;

    /** A core with the given sizes and ports; call {@link #start()} before the first event. */
    public EngineCore(EngineLimits limits, Clock clock, Timers timers, Telephony telephony,
                      ContactSupply contacts, CallJournal journal) {
        this.limits = limits;
        this.clock = clock;
        this.timers = timers;
        this.telephony = telephony;
        this.contacts = contacts;
        this.journal = journal;
        this.agents = new AgentTable(limits.maxAgents());
        this.calls = new CallTable(limits.maxCalls());
        this.campaigns = new CampaignRuntime[limits.maxCampaigns()];
        this.previewContact = new long[limits.maxAgents()];
        this.previewNumber = new String[limits.maxAgents()];
        this.tickNanos = limits.pacingTickMillis() * 1_000_000L;
    }

    /** Starts the regular pacing tick. Idempotent. */
    public void start() {
        if (!started) {
            started = true;
            timers.schedule(clock.nowNanos() + tickNanos, TimerKind.PACING_TICK, 0);
        }
    }

    @Override
    public void onEvent(EngineEvent event, long sequence, boolean endOfBatch) {
        dispatch(event);
    }

    /** Handles one event. Only ever called from the core's single thread. */
    public void dispatch(EngineEvent e) {
        now = clock.nowNanos();
        events++;
        switch (e.type) {
            case CALL_RINGING -> onRinging(e.callId);
            case CALL_ANSWERED -> onAnswered(e.callId, e.publishedNanos);
            case CALL_FAILED -> onFailed(e.callId, CallOutcome.ofOrdinal(e.code));
            case CALL_ENDED -> onEnded(e.callId);
            case AGENT_LOGIN -> onLogin(e.agentId, e.campaignId);
            case AGENT_LOGOUT -> onLogout(e.agentId);
            case AGENT_READY -> onReady(e.agentId);
            case AGENT_PAUSE -> onPause(e.agentId);
            case AGENT_HANG_UP -> onAgentHangUp(e.agentId);
            case PREVIEW_REQUESTED -> onPreviewRequested(e.agentId);
            case PREVIEW_ANSWERED -> onPreviewAnswered(e.agentId, e.contactId, e.code);
            case TIMER -> onTimer(e.agentId, e.callId);
            case COMMAND -> e.command.execute(this);
        }
    }

    // ---------------------------------------------------------------- calls

    private void onRinging(long callId) {
        if (calls.live(callId) && calls.stateOrdinal(callId) == CallState.DIALING.ordinal()) {
            calls.setState(callId, CallState.RINGING);
        }
    }

    private void onAnswered(long callId, long answeredNanos) {
        if (!calls.live(callId) || !preAnswer(callId)) {
            return;
        }
        CampaignRuntime c = campaigns[calls.campaign(callId)];
        calls.remove(callId, c.inFlight);
        c.policy().onDialResolved(now, DialResult.ANSWERED, now - calls.dialNanos(callId));
        calls.setAnswerNanos(callId, answeredNanos);
        calls.setState(callId, CallState.ANSWERED);
        c.counters.increment(CampaignCounters.ANSWERS);
        int reservedAgent = calls.reservedAgent(callId);
        int agent = reservedAgent >= 0 ? reservedAgent : agents.longestReady(c.agents);
        if (agent >= 0) {
            bridge(callId, agent, c);
        } else {
            calls.append(callId, c.waiting);
            timers.schedule(answeredNanos + c.config().connectLimitMillis() * 1_000_000L,
                    TimerKind.CONNECT_LIMIT, callId);
        }
        pace(c);
    }

    private boolean preAnswer(long callId) {
        int s = calls.stateOrdinal(callId);
        return s == CallState.DIALING.ordinal() || s == CallState.RINGING.ordinal()
                || s == CallState.CANCELLING.ordinal();
    }

    private void bridge(long callId, int agent, CampaignRuntime c) {
        AgentState before = agents.state(agent);
        if (before == AgentState.READY) {
            agents.removeReady(agent, c.agents);
        }
        moveAgent(agent, before, AgentState.ON_CALL, c);
        agents.setCall(agent, callId);
        calls.setAgent(callId, agent);
        calls.setState(callId, CallState.BRIDGED);
        calls.setBridgeNanos(callId, now);
        telephony.bridge(callId, agent);
        answerToBridge.recordNanos(now - calls.answerNanos(callId));
        c.counters.increment(CampaignCounters.CONNECTS);
        c.policy().onAnswerHandled(now, false);
    }

    private void onFailed(long callId, CallOutcome outcome) {
        if (!calls.live(callId)) {
            return;
        }
        if (!preAnswer(callId)) {
            onEnded(callId);
            return;
        }
        CampaignRuntime c = campaigns[calls.campaign(callId)];
        calls.remove(callId, c.inFlight);
        DialResult result = outcome == CallOutcome.NO_ANSWER ? DialResult.RANG_OUT : DialResult.NOT_ANSWERED;
        c.policy().onDialResolved(now, result, now - calls.dialNanos(callId));
        int reserved = calls.reservedAgent(callId);
        finish(callId, outcome, c);
        if (reserved >= 0 && agents.state(reserved) == AgentState.RESERVED) {
            makeReady(reserved, AgentState.RESERVED, c);
        }
        pace(c);
    }

    private void onEnded(long callId) {
        if (!calls.live(callId)) {
            return;
        }
        CampaignRuntime c = campaigns[calls.campaign(callId)];
        int s = calls.stateOrdinal(callId);
        if (s == CallState.BRIDGED.ordinal()) {
            int agent = calls.agent(callId);
            c.policy().onTalkEnded(now, now - calls.bridgeNanos(callId));
            finish(callId, CallOutcome.CONNECTED, c);
            endAgentCall(agent, c);
        } else if (s == CallState.ANSWERED.ordinal()) {
            // The customer gave up inside the connect limit: no agent reached them, so it counts as abandoned.
            calls.remove(callId, c.waiting);
            c.counters.increment(CampaignCounters.ABANDONS);
            c.policy().onAnswerHandled(now, true);
            finish(callId, CallOutcome.CUSTOMER_HUNG_UP, c);
        } else {
            onFailed(callId, CallOutcome.FAILURE);
            return;
        }
        pace(c);
    }

    private void onAgentHangUp(int agent) {
        if (!agents.valid(agent) || agents.state(agent) != AgentState.ON_CALL) {
            return;
        }
        long callId = agents.call(agent);
        if (calls.live(callId)) {
            telephony.hangUp(callId);
            onEnded(callId);
        }
    }

    private void endAgentCall(int agent, CampaignRuntime c) {
        agents.setCall(agent, -1);
        if (agents.state(agent) == AgentState.ON_CALL) {
            moveAgent(agent, AgentState.ON_CALL, AgentState.WRAP_UP, c);
        }
    }

    /** Writes the call's record, counts its outcome and frees its slot. */
    private void finish(long callId, CallOutcome outcome, CampaignRuntime c) {
        CallRecord r = record;
        r.callId = callId;
        r.campaignId = calls.campaign(callId);
        r.contactId = calls.contactId(callId);
        r.number = calls.number(callId);
        r.agentId = calls.agent(callId);
        r.outcome = outcome;
        r.startEpochMillis = calls.startEpochMillis(callId);
        r.dialNanos = calls.dialNanos(callId);
        r.answerNanos = calls.answerNanos(callId);
        r.bridgeNanos = calls.bridgeNanos(callId);
        r.endNanos = now;
        journal.record(r);
        c.counters.increment(CampaignCounters.OUTCOME_BASE + outcome.ordinal());
        calls.release(callId);
    }

    private void abandon(long callId, CampaignRuntime c) {
        calls.remove(callId, c.waiting);
        telephony.abandon(callId);
        c.counters.increment(CampaignCounters.ABANDONS);
        c.policy().onAnswerHandled(now, true);
        finish(callId, CallOutcome.ABANDONED, c);
    }

    // ---------------------------------------------------------------- agents

    private void onLogin(int agent, int campaignId) {
        if (!agents.valid(agent) || campaign(campaignId) == null) {
            return;
        }
        AgentState s = agents.state(agent);
        if (s != AgentState.LOGGED_OUT) {
            relogin(agent, s, campaignId);
            return;
        }
        CampaignRuntime c = campaigns[campaignId];
        agents.login(agent, campaignId, now, c.agents);
        c.counters.set(CampaignCounters.LOGGED_IN, c.agents.members());
        makeReady(agent, AgentState.LOGGED_OUT, c);
        pace(c);
    }

    /**
     * A login of an agent who is logged in already (its phone session was up): it withdraws a pending logout,
     * and moves an agent between calls to the requested campaign, keeping its phone session. An agent on a
     * call stays in its campaign: moving it would take the call's agent away.
     */
    private void relogin(int agent, AgentState s, int campaignId) {
        agents.setLogoutPending(agent, false);
        int from = agents.campaign(agent);
        if (from == campaignId || s == AgentState.ON_CALL || s == AgentState.RESERVED) {
            return;
        }
        CampaignRuntime old = campaigns[from];
        if (s == AgentState.READY) {
            agents.removeReady(agent, old.agents);
        } else if (s == AgentState.WRAP_UP) {
            old.policy().onWrapEnded(now, now - agents.stateSinceNanos(agent));
        }
        moveAgent(agent, s, AgentState.LOGGED_OUT, old);
        leave(agent, old);
        pace(old);
        onLogin(agent, campaignId);
    }

    private void onReady(int agent) {
        if (!agents.valid(agent)) {
            return;
        }
        AgentState s = agents.state(agent);
        CampaignRuntime c = campaigns[agents.campaign(agent)];
        if (s == AgentState.WRAP_UP) {
            c.policy().onWrapEnded(now, now - agents.stateSinceNanos(agent));
        } else if (s != AgentState.PAUSED) {
            return;
        }
        agents.setPausePending(agent, false);
        makeReady(agent, s, c);
        pace(c);
    }

    /**
     * Puts an agent who has become available to work: a pending pause or logout first, then the oldest answered
     * call waiting, then a pushed preview, else the ready FIFO.
     */
    private void makeReady(int agent, AgentState from, CampaignRuntime c) {
        if (agents.logoutPending(agent)) {
            moveAgent(agent, from, AgentState.LOGGED_OUT, c);
            logout(agent, c);
            return;
        }
        if (agents.pausePending(agent)) {
            agents.setPausePending(agent, false);
            moveAgent(agent, from, AgentState.PAUSED, c);
            return;
        }
        moveAgent(agent, from, AgentState.READY, c);
        // Enqueue first: bridge() takes a READY agent out of the FIFO, so it must be in it.
        agents.enqueueReady(agent, c.agents);
        int waitingSlot = calls.firstSlot(c.waiting);
        if (waitingSlot >= 0 && !c.config().dialMode().agentFirst()) {
            long callId = calls.idOfSlot(waitingSlot);
            calls.remove(callId, c.waiting);
            bridge(callId, agent, c);
            return;
        }
        if (c.config().dialMode() == io.pacer.pacing.DialMode.PUSH_PREVIEW && c.running()) {
            offerPreview(agent, c);
        }
    }

    private void onPause(int agent) {
        if (!agents.valid(agent)) {
            return;
        }
        AgentState s = agents.state(agent);
        if (s == AgentState.LOGGED_OUT || s == AgentState.PAUSED) {
            return;
        }
        CampaignRuntime c = campaigns[agents.campaign(agent)];
        switch (s) {
            case READY -> {
                agents.removeReady(agent, c.agents);
                moveAgent(agent, s, AgentState.PAUSED, c);
            }
            case WRAP_UP -> {
                c.policy().onWrapEnded(now, now - agents.stateSinceNanos(agent));
                moveAgent(agent, s, AgentState.PAUSED, c);
            }
            default -> agents.setPausePending(agent, true);
        }
    }

    private void onLogout(int agent) {
        if (!agents.valid(agent)) {
            return;
        }
        AgentState s = agents.state(agent);
        if (s == AgentState.LOGGED_OUT) {
            return;
        }
        CampaignRuntime c = campaigns[agents.campaign(agent)];
        switch (s) {
            case READY -> {
                agents.removeReady(agent, c.agents);
                moveAgent(agent, s, AgentState.LOGGED_OUT, c);
                logout(agent, c);
            }
            case PAUSED, WRAP_UP -> {
                moveAgent(agent, s, AgentState.LOGGED_OUT, c);
                logout(agent, c);
            }
            default -> agents.setLogoutPending(agent, true);
        }
    }

    private void logout(int agent, CampaignRuntime c) {
        leave(agent, c);
        // Only now, with the agent out of every list, may its phone hang up: no call can be bridged to it any more.
        sessions.close(agent);
    }

    private void leave(int agent, CampaignRuntime c) {
        agents.logout(agent, now, c.agents);
        c.counters.set(CampaignCounters.LOGGED_IN, c.agents.members());
    }

    private void moveAgent(int agent, AgentState from, AgentState to, CampaignRuntime c) {
        c.countAgent(from, -1);
        c.countAgent(to, 1);
        agents.setState(agent, to, now);
    }

    // ---------------------------------------------------------------- preview

    private void onPreviewRequested(int agent) {
        if (!agents.valid(agent) || agents.state(agent) != AgentState.READY) {
            return;
        }
        CampaignRuntime c = campaigns[agents.campaign(agent)];
        if (c.config().dialMode().agentFirst() && c.running()) {
            offerPreview(agent, c);
        }
    }

    private void offerPreview(int agent, CampaignRuntime c) {
        slot.clear();
        if (!contacts.next(c.config().id(), clock.epochMillis(), slot)) {
            return;
        }
        agents.removeReady(agent, c.agents);
        moveAgent(agent, AgentState.READY, AgentState.RESERVED, c);
        previewContact[agent] = slot.contactId;
        previewNumber[agent] = slot.number;
        telephony.offerPreview(agent, slot.contactId, slot.number);
    }

    private void onPreviewAnswered(int agent, long contactId, int answer) {
        if (!agents.valid(agent) || agents.state(agent) != AgentState.RESERVED
                || previewContact[agent] != contactId || agents.call(agent) >= 0) {
            return;
        }
        CampaignRuntime c = campaigns[agents.campaign(agent)];
        String number = previewNumber[agent];
        previewContact[agent] = -1;
        previewNumber[agent] = null;
        switch (PREVIEW_ANSWERS[answer]) {
            case ACCEPT -> {
                long callId = dial(c, contactId, number, agent);
                if (callId < 0) {
                    makeReady(agent, AgentState.RESERVED, c);
                } else {
                    agents.setCall(agent, -1);
                }
            }
            case SKIP -> {
                contacts.giveBack(c.config().id(), contactId);
                makeReady(agent, AgentState.RESERVED, c);
            }
            case DO_NOT_CALL -> {
                contacts.doNotCall(c.config().id(), contactId);
                makeReady(agent, AgentState.RESERVED, c);
            }
        }
    }

    // ---------------------------------------------------------------- pacing

    private void onTimer(int kind, long ref) {
        switch (kind) {
            case TimerKind.RING_TIMEOUT -> {
                if (calls.live(ref) && (calls.stateOrdinal(ref) == CallState.DIALING.ordinal()
                        || calls.stateOrdinal(ref) == CallState.RINGING.ordinal())) {
                    calls.setState(ref, CallState.CANCELLING);
                    telephony.cancel(ref);
                    timers.schedule(now + CANCEL_GUARD_NANOS, TimerKind.CANCEL_GUARD, ref);
                }
            }
            case TimerKind.CANCEL_GUARD -> {
                if (calls.live(ref) && calls.stateOrdinal(ref) == CallState.CANCELLING.ordinal()) {
                    onFailed(ref, CallOutcome.NO_ANSWER);
                }
            }
            case TimerKind.CONNECT_LIMIT -> {
                if (calls.live(ref) && calls.stateOrdinal(ref) == CallState.ANSWERED.ordinal()) {
                    CampaignRuntime c = campaigns[calls.campaign(ref)];
                    abandon(ref, c);
                    pace(c);
                }
            }
            case TimerKind.PACING_TICK -> {
                for (CampaignRuntime c : campaigns) {
                    if (c != null) {
                        pace(c);
                    }
                }
                timers.schedule(now + tickNanos, TimerKind.PACING_TICK, 0);
            }
            default -> { }
        }
    }

    /** Asks the campaign's policy how many calls to place and places them. */
    private void pace(CampaignRuntime c) {
        c.counters.set(CampaignCounters.READY, c.agents.ready());
        c.counters.set(CampaignCounters.ON_CALL, c.onCall());
        c.counters.set(CampaignCounters.WRAP_UP, c.wrapping());
        if (!c.running() || c.agents.members() == 0 || c.config().dialMode().agentFirst()) {
            return;
        }
        PacingInput in = c.pacingInput;
        in.reset(now, agents.capacity(), calls.capacity());
        in.readyAgents = c.agents.ready();
        for (int a = agents.firstMember(c.agents); a >= 0; a = agents.nextMember(a)) {
            if (agents.logoutPending(a) || agents.pausePending(a)) {
                // Leaving after this call: not an agent the forecast may count on.
                continue;
            }
            AgentState s = agents.state(a);
            if (s == AgentState.ON_CALL || s == AgentState.RESERVED) {
                in.addTalking(now - agents.stateSinceNanos(a));
            } else if (s == AgentState.WRAP_UP) {
                in.addWrapping(now - agents.stateSinceNanos(a));
            }
        }
        for (int s = calls.firstSlot(c.inFlight); s >= 0; s = calls.nextSlot(s)) {
            in.addRinging(now - calls.dialNanosOfSlot(s));
        }
        in.waitingCalls = c.waiting.size();
        int freeSlots = calls.capacity() - calls.inUse();
        in.channelLimit = Math.min(c.config().maxChannels(), in.callsInFlight() + freeSlots);
        c.policy().decide(in, c.decision);
        c.counters.setDouble(CampaignCounters.RATIO_READY_BITS, c.decision.callsPerReadyAgent);
        c.counters.setDouble(CampaignCounters.RATIO_WRAP_BITS, c.decision.callsPerWrapAgent);
        int n = c.decision.callsToPlace;
        int campaignId = c.config().id();
        for (int i = 0; i < n; i++) {
            slot.clear();
            if (!contacts.next(campaignId, clock.epochMillis(), slot)) {
                break;
            }
            int owner = slot.ownerAgentId;
            if (owner >= 0) {
                // A personal callback goes only to its owner: reserve the owner first, or leave it due.
                if (!agents.valid(owner) || agents.state(owner) != AgentState.READY
                        || agents.campaign(owner) != campaignId) {
                    contacts.giveBack(campaignId, slot.contactId);
                    break;
                }
                agents.removeReady(owner, c.agents);
                moveAgent(owner, AgentState.READY, AgentState.RESERVED, c);
            }
            if (dial(c, slot.contactId, slot.number, owner) < 0) {
                if (owner >= 0) {
                    makeReady(owner, AgentState.RESERVED, c);
                }
                break;
            }
        }
        c.counters.set(CampaignCounters.IN_FLIGHT, c.inFlight.size());
    }

    /** Places one call; returns its id, or -1 (contact handed back) when no call slot is free. */
    private long dial(CampaignRuntime c, long contactId, String number, int reservedAgent) {
        CampaignConfig cfg = c.config();
        long callId = calls.allocate(cfg.id(), contactId, number, now, clock.epochMillis());
        if (callId < 0) {
            contacts.giveBack(cfg.id(), contactId);
            return -1;
        }
        calls.setReservedAgent(callId, reservedAgent);
        calls.append(callId, c.inFlight);
        c.counters.increment(CampaignCounters.DIALS);
        timers.schedule(now + cfg.ringTimeoutMillis() * 1_000_000L, TimerKind.RING_TIMEOUT, callId);
        telephony.dial(callId, cfg.id(), contactId, number, cfg.callerId(), cfg.ringTimeoutMillis());
        return callId;
    }

    // ---------------------------------------------------------------- commands (core thread only)

    /** Adds a campaign, or applies new settings to an existing one. */
    public CampaignRuntime upsertCampaign(CampaignConfig config) {
        if (config.id() >= campaigns.length) {
            throw new IllegalArgumentException("id: campaign ids must be below " + campaigns.length
                    + ", was " + config.id());
        }
        CampaignRuntime c = campaigns[config.id()];
        if (c == null) {
            c = new CampaignRuntime(config);
            campaigns[config.id()] = c;
        } else {
            c.reconfigure(config);
        }
        return c;
    }

    /** Starts or stops dialing for a campaign; calls in flight finish normally. */
    public void setRunning(int campaignId, boolean running) {
        CampaignRuntime c = campaign(campaignId);
        if (c != null) {
            c.setRunning(running);
            if (running) {
                now = clock.nowNanos();
                pace(c);
            }
        }
    }

    /** Tells {@code phoneSessions} whenever an agent's logout takes effect, so that it ends the phone's session. */
    public void agentSessions(AgentSessions phoneSessions) {
        this.sessions = phoneSessions;
    }

    /** The campaign with this id, or {@code null}. */
    public CampaignRuntime campaign(int campaignId) {
        return campaignId > 0 && campaignId < campaigns.length ? campaigns[campaignId] : null;
    }

    /** A snapshot of a campaign, or {@code null} when there is none. */
    public CampaignStats stats(int campaignId) {
        CampaignRuntime c = campaign(campaignId);
        return c == null ? null : c.stats();
    }

    /** An agent's state. */
    public AgentState agentState(int agentId) {
        return agents.valid(agentId) ? agents.state(agentId) : AgentState.LOGGED_OUT;
    }

    /** The call an agent is in, or -1. */
    public long agentCall(int agentId) {
        return agents.valid(agentId) ? agents.call(agentId) : -1;
    }

    /** Events handled so far. */
    public long events() {
        return events;
    }

    /** Answer-to-bridge latency, readable from any thread. */
    public LatencyRecorder answerToBridge() {
        return answerToBridge;
    }

    /** The sizes this core was built with. */
    public EngineLimits limits() {
        return limits;
    }
}
