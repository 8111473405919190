package io.pacer.engine.core;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.port.ContactSlot;
import io.pacer.pacing.PacingInput;

/**
 * The pacing loop on the core's thread: after every change to a campaign, and on a regular tick while nothing
 * happens (forecasts age), it fills the campaign's reused {@link PacingInput} from the agent and call tables,
 * asks the campaign's policy how many calls to place, and places them within the channel cap. Agent-first
 * campaigns (preview modes) are not paced: their agents pull or are pushed contacts.
 */
final class CampaignPacing {
    private final CoreState state;
    private final AgentTable agents;
    private final CallTable calls;
    private final CallLifecycle callLifecycle;
    private final PersonalCallbacks callbacks;
    private final long tickNanos;

    CampaignPacing(CoreState state, CallLifecycle callLifecycle, PersonalCallbacks callbacks, long tickMillis) {
        this.state = state;
        this.agents = state.agents;
        this.calls = state.calls;
        this.callLifecycle = callLifecycle;
        this.callbacks = callbacks;
        this.tickNanos = tickMillis * 1_000_000L;
    }

    /** Asks for the first tick; every tick asks for the next. */
    void start() {
        state.timers.schedule(state.clock.nowNanos() + tickNanos, TimerKind.PACING_TICK, 0);
    }

    /** Paces every campaign and asks for the next tick. */
    void onTick() {
        for (CampaignRuntime c : state.campaigns) {
            if (c != null) {
                c.publishAbandonment(state.nowNanos);
                pace(c);
            }
        }
        state.timers.schedule(state.nowNanos + tickNanos, TimerKind.PACING_TICK, 0);
    }

    /** Publishes the campaign's agent counts, then asks its policy how many calls to place and places them. */
    void pace(CampaignRuntime c) {
        c.counters.set(CampaignCounters.READY, c.agents.ready());
        c.counters.set(CampaignCounters.ON_CALL, c.onCall());
        c.counters.set(CampaignCounters.WRAP_UP, c.wrapping());
        if (!c.running() || c.agents.members() == 0 || c.config().dialMode().agentFirst()) {
            return;
        }
        fillPacingInput(c);
        c.policy().decide(c.pacingInput, c.decision);
        c.counters.setDouble(CampaignCounters.RATIO_READY_BITS, c.decision.callsPerReadyAgent);
        c.counters.setDouble(CampaignCounters.RATIO_WRAP_BITS, c.decision.callsPerWrapAgent);
        placeCalls(c, c.decision.callsToPlace);
        c.counters.set(CampaignCounters.IN_FLIGHT, c.inFlight.size());
    }

    /** What the policy decides from: agents by state and for how long, calls ringing and waiting, free channels. */
    private void fillPacingInput(CampaignRuntime c) {
        long now = state.nowNanos;
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
            int owner = slot.ownerAgentId;
            if (!callbacks.reserveOwner(c, slot)) {
                break;
            }
            if (callLifecycle.place(c, slot.contactId, slot.number, owner) < 0) {
                callbacks.releaseOwner(c, owner);
                break;
            }
        }
    }
}
