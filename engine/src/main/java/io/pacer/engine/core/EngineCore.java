package io.pacer.engine.core;

import io.pacer.engine.agent.AgentDay;
import io.pacer.engine.agent.AgentFigures;
import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.agent.AgentView;
import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.Responsibles;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.campaign.InboundRules;
import io.pacer.engine.metrics.LatencyRecorder;
import io.pacer.engine.port.AgentSessions;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.Clock;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import io.pacer.engine.port.Timers;

/**
 * The business core: campaigns, agents and calls, owned by one thread. Every event enters through
 * {@link #dispatch} (from the Disruptor ring live, or directly from the simulator on virtual time), which only
 * switches on the event's type and hands it to the part that owns the concern: {@link CallLifecycle},
 * {@link AgentLifecycle}, {@link PreviewDesk}, {@link CampaignPacing} (with {@link PersonalCallbacks}). Every
 * effect leaves through a port. The parts share one {@link CoreState} and run on the same thread, so there are
 * no locks and, once the tables are allocated, no allocation per event.
 *
 * <p>The rules the parts enforce: an answered call goes to the agent who has waited longest, or waits at most
 * the connect limit and is then abandoned with the message; an agent is in at most one call; a call is placed
 * only for a running campaign, within its channel cap, for a contact the supply hands out; every call ends with
 * exactly one record in the journal.
 */
public final class EngineCore {
    private final EngineLimits limits;
    private final CoreState state;
    private final AgentLifecycle agentLifecycle;
    private final CallLifecycle callLifecycle;
    private final AmdVerdicts amdVerdicts;
    private final PreviewDesk previewDesk;
    private final CampaignPacing pacing;
    private final InboundDesk inbound;
    private long events;
    private boolean started;

    /** A core with the given sizes and ports; call {@link #start()} before the first event. */
    public EngineCore(EngineLimits limits, Clock clock, Timers timers, Telephony telephony,
                      ContactSupply contacts, CallJournal journal) {
        this.limits = limits;
        this.state = new CoreState(limits, clock, timers, telephony, contacts, journal);
        this.agentLifecycle = new AgentLifecycle(state);
        this.callLifecycle = new CallLifecycle(state, agentLifecycle);
        PersonalCallbacks callbacks = new PersonalCallbacks(state, agentLifecycle);
        this.previewDesk = new PreviewDesk(state, agentLifecycle, callLifecycle, callbacks);
        this.pacing = new CampaignPacing(state, callLifecycle, callbacks, limits.pacingTickMillis());
        agentLifecycle.wire(callLifecycle, previewDesk, pacing);
        callLifecycle.wire(pacing);
        this.amdVerdicts = new AmdVerdicts(state, callLifecycle);
        callLifecycle.wireAmd(amdVerdicts);
        this.inbound = new InboundDesk(state, agentLifecycle, callLifecycle);
        inbound.wire(pacing);
        agentLifecycle.wireInbound(inbound);
        callLifecycle.wireInbound(inbound);
        pacing.wireInbound(inbound);
    }

    /** Starts the regular pacing tick. Idempotent. */
    public void start() {
        if (!started) {
            started = true;
            pacing.start();
        }
    }

    /** Handles one event. Only ever called from the core's single thread. */
    public void dispatch(EngineEvent e) {
        state.nowNanos = state.clock.nowNanos();
        events++;
        switch (e.type) {
            case CALL_PLACED -> callLifecycle.onPlaced(e.callId);
            case CALL_RINGING -> callLifecycle.onRinging(e.callId);
            case CALL_ANSWERED -> callLifecycle.onAnswered(e.callId, e.publishedNanos);
            case CALL_FAILED -> callLifecycle.onFailed(e.callId, e.outcome);
            case CALL_NOT_PLACED -> callLifecycle.onNotPlaced(e.callId, e.retryAfterMillis);
            case CALL_ENDED -> callLifecycle.onEnded(e.callId);
            case CALL_CLASSIFIED -> amdVerdicts.onClassified(e.callId, e.amdVerdict, e.amdCause, e.amdDecisionMillis);
            case AGENT_LOGIN -> agentLifecycle.onLogin(e.agentId, e.campaignId);
            case AGENT_LOGOUT -> agentLifecycle.onLogout(e.agentId);
            case AGENT_READY -> agentLifecycle.onReady(e.agentId);
            case AGENT_PAUSE -> agentLifecycle.onPause(e.agentId, e.pauseReason);
            case AGENT_HANG_UP -> callLifecycle.onAgentHangUp(e.agentId);
            case AGENT_LOST -> callLifecycle.onAgentLost(e.agentId);
            case PREVIEW_REQUESTED -> previewDesk.onRequested(e.agentId);
            case PREVIEW_ANSWERED -> previewDesk.onAnswered(e.agentId, e.contactId, e.previewAnswer, e.callerId);
            case INBOUND_OFFERED -> inbound.onOffered(e.inboundKey, e.dialledNumber, e.callerNumber);
            case TIMER -> onTimer(e.timerKind, e.timerRef);
            case COMMAND -> e.command.execute(this);
        }
    }

    private void onTimer(int timerKind, long timerRef) {
        switch (timerKind) {
            case TimerKind.RING_TIMEOUT -> callLifecycle.onRingTimeout(timerRef);
            case TimerKind.CANCEL_GUARD -> callLifecycle.onCancelGuard(timerRef);
            case TimerKind.CONNECT_LIMIT -> callLifecycle.onConnectLimit(timerRef);
            case TimerKind.AMD_LIMIT -> amdVerdicts.onDeadline(timerRef);
            case TimerKind.PACING_TICK -> pacing.onTick();
            case TimerKind.PACING_DEFERRED -> pacing.onDeferred((int) timerRef);
            case TimerKind.PREVIEW_TIMEOUT -> previewDesk.onOfferTimeout(timerRef);
            case TimerKind.WRAP_UP_LIMIT -> agentLifecycle.onWrapUpLimit(timerRef);
            case TimerKind.INBOUND_MAX_WAIT -> inbound.onMaxWait(timerRef);
            default -> { }
        }
    }

    // ---------------------------------------------------------------- commands (core thread only)

    /** Adds a campaign, or applies new settings to an existing one. */
    public CampaignRuntime upsertCampaign(CampaignConfig config) {
        CampaignRuntime[] campaigns = state.campaigns;
        if (config.id() >= campaigns.length) {
            throw new IllegalArgumentException("id: campaign ids must be below " + campaigns.length
                    + ", was " + config.id());
        }
        CampaignRuntime c = campaigns[config.id()];
        long nowNanos = state.clock.nowNanos();
        long nowEpochMillis = state.clock.epochMillis();
        if (c == null || !c.config().amd().equals(config.amd())) {
            state.telephony.amdSettings(config.id(), config.amd());
        }
        if (c == null) {
            c = new CampaignRuntime(config, nowNanos, nowEpochMillis);
            campaigns[config.id()] = c;
        } else {
            c.reconfigure(config, nowNanos, nowEpochMillis);
        }
        linkAbandonPools();
        return c;
    }

    /** Tells every pooled campaign which others share its pool (a command's work: rare, so it may allocate). */
    private void linkAbandonPools() {
        CampaignRuntime[] campaigns = state.campaigns;
        for (CampaignRuntime c : campaigns) {
            if (c == null) {
                continue;
            }
            String pool = c.config().abandonHistory().pool();
            java.util.List<CampaignRuntime> peers = new java.util.ArrayList<>();
            for (CampaignRuntime other : campaigns) {
                if (pool != null && other != null && other != c && pool.equals(other.config().abandonHistory().pool())) {
                    peers.add(other);
                }
            }
            c.poolPeers(peers.toArray(new CampaignRuntime[0]));
        }
    }

    /** Starts or stops dialing for a campaign; calls in flight finish normally. */
    public void setRunning(int campaignId, boolean running) {
        CampaignRuntime c = state.campaign(campaignId);
        if (c != null) {
            c.setRunning(running);
            if (running) {
                state.nowNanos = state.clock.nowNanos();
                pacing.pace(c);
            }
        }
    }

    /** Sets the timers on a campaign's agents; offers and wrap-ups already running keep the timers they had. */
    public void agentRules(int campaignId, AgentRules rules) {
        CampaignRuntime c = state.campaign(campaignId);
        if (c != null) {
            c.agentRules = rules;
        }
    }

    /** Sets how a campaign takes customers' inbound calls; callers already queued keep their maximum wait. */
    public void inboundRules(int campaignId, InboundRules rules) {
        CampaignRuntime c = state.campaign(campaignId);
        if (c != null) {
            inbound.rules(c, rules);
        }
    }

    /** Sets who may work a campaign; logged-in agents it no longer names are logged out. */
    public void responsibles(int campaignId, Responsibles responsibles) {
        CampaignRuntime c = state.campaign(campaignId);
        if (c != null) {
            state.nowNanos = state.clock.nowNanos();
            agentLifecycle.onResponsibles(c, responsibles);
        }
    }

    /**
     * Notice that an agent will leave at {@code atNanos} (engine clock): a scheduled break, the end of its shift,
     * or the agent saying so ahead. From one ring timeout plus connect limit before then, pacing no longer counts
     * on the agent, so no call is launched whose answer would need it after it has gone (docs/pacing.md,
     * "Agents who leave on schedule"); calls already answered still reach it while it is there. The agent still
     * leaves by logging out or pausing; a notice it outstays by that long lapses. {@link Long#MAX_VALUE} withdraws it.
     */
    public void agentLeavesAt(int agentId, long atNanos) {
        AgentTable agents = state.agents;
        if (agents.valid(agentId) && agents.state(agentId) != AgentState.LOGGED_OUT) {
            agents.setLeavesAtNanos(agentId, atNanos);
        }
    }

    /**
     * {@link #agentLeavesAt} for a departure {@code inNanos} from now on the core's clock: the API hears a wall
     * time, and only the core knows its own clock's now.
     */
    public void agentLeavesIn(int agentId, long inNanos) {
        agentLeavesAt(agentId, inNanos == Long.MAX_VALUE ? Long.MAX_VALUE : state.clock.nowNanos() + inNanos);
    }

    /** Tells {@code phoneSessions} whenever an agent's logout takes effect, so that it ends the phone's session. */
    public void agentSessions(AgentSessions phoneSessions) {
        state.sessions = phoneSessions;
    }

    /** The campaign with this id, or {@code null}. */
    public CampaignRuntime campaign(int campaignId) {
        return state.campaign(campaignId);
    }

    /** A snapshot of a campaign, or {@code null} when there is none. */
    public CampaignStats stats(int campaignId) {
        CampaignRuntime c = state.campaign(campaignId);
        return c == null ? null : c.stats();
    }

    /** An agent's state. */
    public AgentState agentState(int agentId) {
        return state.agents.valid(agentId) ? state.agents.state(agentId) : AgentState.LOGGED_OUT;
    }

    /** An agent with its call and contact, for its desktop; {@code null} for an id no agent can have. */
    public AgentView agentView(int agentId) {
        AgentTable agents = state.agents;
        if (!agents.valid(agentId)) {
            return null;
        }
        AgentState s = agents.state(agentId);
        long callId = agents.call(agentId);
        long offer = previewDesk.openOffer(agentId);
        long contact = offer >= 0 ? offer
                : callId >= 0 && state.calls.live(callId) ? state.calls.contactId(callId)
                // Wrapping up the last call, or waiting for an accepted preview to be answered.
                : s == AgentState.WRAP_UP || s == AgentState.RESERVED ? agents.lastContact(agentId) : -1;
        long inStateMillis = (state.clock.nowNanos() - agents.stateSinceNanos(agentId)) / 1_000_000L;
        return new AgentView(agentId, s, agents.campaign(agentId), callId, contact, offer >= 0,
                agents.pauseReason(agentId), agents.pausePending(agentId), agents.missedOffers(agentId),
                s == AgentState.LOGGED_OUT ? 0 : inStateMillis);
    }

    /**
     * An agent's row in the console's grid: state, today's calls and averages, its last logout's reason;
     * {@code null} for an id no agent can have. Read once per agent per floor snapshot, on the core's thread.
     */
    public AgentFigures agentFigures(int agentId) {
        AgentTable agents = state.agents;
        if (!agents.valid(agentId)) {
            return null;
        }
        AgentDay day = state.agentDay;
        long nowMillis = state.clock.epochMillis();
        return new AgentFigures(agentId, agents.state(agentId), agents.campaign(agentId), agents.pauseReason(agentId),
                day.calls(agentId, nowMillis), day.talkAverageMillis(agentId, nowMillis),
                day.wrapAverageMillis(agentId, nowMillis), day.lastLogoutReason(agentId), day.lastLogoutAtMillis(agentId));
    }

    /** The time zone whose midnight starts the agents' "today" (the JVM's default until set). */
    public void siteZone(java.time.ZoneId zone) {
        state.agentDay.zone(zone, state.clock.epochMillis());
    }

    /** The call an agent is in, or -1. */
    public long agentCall(int agentId) {
        return state.agents.valid(agentId) ? state.agents.call(agentId) : -1;
    }

    /** Events handled so far. */
    public long events() {
        return events;
    }

    /**
     * The core's share of answer-to-bridge latency, readable from any thread: from the answer's event being
     * published to the bridge command leaving the core. The adapter's wire-to-wire figure is measured at the edge.
     */
    public LatencyRecorder coreAnswerToBridge() {
        return callLifecycle.coreAnswerToBridge();
    }

    /** The sizes this core was built with. */
    public EngineLimits limits() {
        return limits;
    }
}
