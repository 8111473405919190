package io.pacer.engine.core;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.port.ContactSlot;
import io.pacer.pacing.PacingInput;
import java.util.Arrays;

/**
 * The pacing loop on the core's thread: after changes to a campaign, and on a regular tick while nothing
 * happens (forecasts age), it fills the campaign's reused {@link PacingInput} from the agent and call tables,
 * asks the campaign's policy how many calls to place, and places them within the channel cap. Agent-first
 * campaigns (preview modes) are not paced: their agents pull or are pushed contacts.
 *
 * <p>A decision reads every member agent and every call in flight, so deciding on every event would make an
 * event's cost grow with the team and a shift's cost with its square. Events therefore decide at most once per
 * {@link #COALESCE_NANOS} per campaign; an event inside that window marks the campaign and a
 * {@link TimerKind#PACING_DEFERRED} timer decides at the window's end, so decisions per second are bounded by
 * the clock, not by the floor. One exception keeps agents from idling: when more agents are ready than calls
 * are on their way to them, the event decides at once (see {@code docs/pacing.md}, "The cost of a decision").
 */
final class CampaignPacing {
    private final CoreState state;
    private final AgentTable agents;
    private final CallTable calls;
    private final CallLifecycle callLifecycle;
    private final PersonalCallbacks callbacks;
    private InboundDesk inbound;
    private final long tickNanos;
    /**
     * Shortest time between two event-driven decisions of one campaign: far below ring and connect times, and at
     * 100 ms a 3,200-agent floor still spent about half its time deciding (docs/pacing.md, "The cost of a decision").
     */
    static final long COALESCE_NANOS = 200_000_000L;
    /** When each campaign last decided, by campaign id. */
    private final long[] decidedAtNanos;
    /** Campaigns that an event asked to pace inside the window, by campaign id. */
    private final boolean[] deferred;
    /** Campaigns with a {@link TimerKind#PACING_DEFERRED} timer outstanding, by campaign id. */
    private final boolean[] deferredTimerSet;

    CampaignPacing(CoreState state, CallLifecycle callLifecycle, PersonalCallbacks callbacks, long tickMillis) {
        this.state = state;
        this.agents = state.agents;
        this.calls = state.calls;
        this.callLifecycle = callLifecycle;
        this.callbacks = callbacks;
        this.tickNanos = tickMillis * 1_000_000L;
        this.decidedAtNanos = new long[state.campaigns.length];
        // Long ago, yet far enough from the limit that "now minus it" cannot overflow.
        Arrays.fill(decidedAtNanos, Long.MIN_VALUE / 2);
        this.deferred = new boolean[state.campaigns.length];
        this.deferredTimerSet = new boolean[state.campaigns.length];
    }

    /** Completes construction with the part that takes customers' inbound calls. */
    void wireInbound(InboundDesk desk) {
        this.inbound = desk;
    }

    /** Asks for the first tick; every tick asks for the next. */
    void start() {
        state.timers.schedule(state.clock.nowNanos() + tickNanos, TimerKind.PACING_TICK, 0);
    }

    /**
     * Paces every campaign that has not decided within the window (one that has is fresh enough for forecasts
     * to have aged little) and asks for the next tick.
     */
    void onTick() {
        for (CampaignRuntime c : state.campaigns) {
            if (c != null) {
                publishAgentCounts(c);
                c.publishAbandonment(state.nowNanos);
                if (state.nowNanos - decidedAtNanos[c.config().id()] >= COALESCE_NANOS) {
                    decide(c);
                }
            }
        }
        state.timers.schedule(state.nowNanos + tickNanos, TimerKind.PACING_TICK, 0);
    }

    /**
     * After an event that changed the campaign: publishes its agent counts, then decides now if an agent is
     * ready with no call on its way or the last decision is a window old, else leaves it to the deferred timer.
     */
    void pace(CampaignRuntime c) {
        publishAgentCounts(c);
        int id = c.config().id();
        long now = state.nowNanos;
        if (c.agents.ready() > c.inFlight.size() + c.waiting.size() || now - decidedAtNanos[id] >= COALESCE_NANOS) {
            decide(c);
            return;
        }
        deferred[id] = true;
        if (!deferredTimerSet[id]) {
            deferredTimerSet[id] = true;
            state.timers.schedule(decidedAtNanos[id] + COALESCE_NANOS, TimerKind.PACING_DEFERRED, id);
        }
    }

    /** The deferred timer of campaign {@code id}: decides if an event asked for it since the last decision. */
    void onDeferred(int id) {
        deferredTimerSet[id] = false;
        CampaignRuntime c = id >= 0 && id < state.campaigns.length ? state.campaigns[id] : null;
        if (c == null || !deferred[id]) {
            return;
        }
        long due = decidedAtNanos[id] + COALESCE_NANOS;
        if (state.nowNanos < due) {
            // A decision in between moved the window on.
            deferredTimerSet[id] = true;
            state.timers.schedule(due, TimerKind.PACING_DEFERRED, id);
            return;
        }
        decide(c);
    }

    private void publishAgentCounts(CampaignRuntime c) {
        c.counters.set(CampaignCounters.READY, c.agents.ready());
        c.counters.set(CampaignCounters.ON_CALL, c.onCall());
        c.counters.set(CampaignCounters.WRAP_UP, c.wrapping());
    }

    /** Asks the campaign's policy how many calls to place and places them. */
    private void decide(CampaignRuntime c) {
        int id = c.config().id();
        deferred[id] = false;
        decidedAtNanos[id] = state.nowNanos;
        if (!c.running() || c.agents.members() == 0 || c.config().dialMode().agentFirst()) {
            return;
        }
        fillPacingInput(c);
        c.policy().decide(c.pacingInput, c.decision);
        c.counters.setDouble(CampaignCounters.RATIO_READY_BITS, c.decision.callsPerReadyAgent);
        c.counters.setDouble(CampaignCounters.RATIO_WRAP_BITS, c.decision.callsPerWrapAgent);
        placeCalls(c, callLifecycle.placeable(c, c.decision.callsToPlace));
        c.counters.set(CampaignCounters.IN_FLIGHT, c.inFlight.size());
    }

    /**
     * What the policy decides from: agents by state and for how long, calls ringing and waiting, free channels.
     * Blending: the agents held back for inbound callers are not ready for dials, and an agent on an inbound call
     * is not a talk the forecast may count on (its end is the inbound queue's first), so predictive dials only for
     * the agents outbound calls can have and stays under its cap.
     */
    private void fillPacingInput(CampaignRuntime c) {
        long now = state.nowNanos;
        PacingInput in = c.pacingInput;
        in.reset(now, agents.capacity(), calls.capacity());
        in.readyAgents = c.agents.ready() - c.inboundRules.reservedAgents();
        long horizon = (c.config().ringTimeoutMillis() + c.config().connectLimitMillis()) * 1_000_000L;
        for (int a = agents.firstMember(c.agents); a >= 0; a = agents.nextMember(a)) {
            if (agents.logoutPending(a) || agents.pausePending(a) || inbound.onInbound(a)) {
                // Leaving after this call, or on a caller's call: not an agent the forecast may count on.
                continue;
            }
            AgentState s = agents.state(a);
            if (leavingWithin(a, now, horizon)) {
                // A call launched now may be answered a ring timeout from now and wait a connect limit more.
                if (s == AgentState.READY) {
                    in.readyAgents--;
                }
                continue;
            }
            if (s == AgentState.ON_CALL || s == AgentState.RESERVED) {
                in.addTalking(now - agents.stateSinceNanos(a));
            } else if (s == AgentState.WRAP_UP) {
                in.addWrapping(now - agents.stateSinceNanos(a));
            }
        }
        // Agents held back for callers and agents leaving may both be among the ready: never fewer than none.
        in.readyAgents = Math.max(0, in.readyAgents);
        for (int s = calls.firstSlot(c.inFlight); s >= 0; s = calls.nextSlot(s)) {
            in.addRinging(now - calls.dialNanosOfSlot(s));
        }
        in.waitingCalls = c.waiting.size();
        int freeSlots = calls.capacity() - calls.inUse();
        in.channelLimit = Math.min(c.config().maxChannels(), in.callsInFlight() + freeSlots);
    }

    /** True when the agent gave notice of leaving within {@code horizon} of now (and has not outstayed it by as much). */
    private boolean leavingWithin(int agent, long now, long horizon) {
        long at = agents.leavesAtNanos(agent);
        return now >= at - horizon && now - at < horizon;
    }

    /** Places up to {@code count} calls; stops early when the supply has nothing due or no call slot is free. */
    private void placeCalls(CampaignRuntime c, int count) {
        ContactSlot slot = state.slot;
        int campaignId = c.config().id();
        for (int i = 0; i < count; i++) {
            slot.clear();
            if (!state.contacts.next(campaignId, state.clock.epochMillis(), slot)) {
                break;
            }
            if (!callbacks.reserveOwner(c, slot)) {
                break;
            }
            // Read after the reservation: an assured contact's owner is the agent reserved for it.
            int owner = slot.ownerAgentId;
            if (callLifecycle.place(c, slot.contactId, slot.number, slot.callerId, owner) < 0) {
                callbacks.releaseOwner(c, owner);
                break;
            }
        }
    }
}
