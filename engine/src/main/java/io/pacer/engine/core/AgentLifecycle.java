package io.pacer.engine.core;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.agent.LogoutReason;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.campaign.Responsibles;
import io.pacer.pacing.DialMode;

/**
 * The agents' state machine on the core's thread: login, ready, pause, logout, and what an agent who becomes
 * available is given. A pause or logout asked for during a call is kept pending and takes effect when the
 * agent is free again; an agent is never in two calls. Every transition goes through {@link #move}, which keeps
 * the campaign's per-state counts true.
 */
final class AgentLifecycle {
    private final CoreState state;
    private final AgentTable agents;
    private final CallTable calls;
    private CallLifecycle callLifecycle;
    private PreviewDesk previewDesk;
    private CampaignPacing pacing;
    private InboundDesk inbound;

    AgentLifecycle(CoreState state) {
        this.state = state;
        this.agents = state.agents;
        this.calls = state.calls;
    }

    /** Completes construction with the parts an available agent is handed to, which are built after this one. */
    void wire(CallLifecycle calls, PreviewDesk preview, CampaignPacing campaignPacing) {
        this.callLifecycle = calls;
        this.previewDesk = preview;
        this.pacing = campaignPacing;
    }

    /** Completes construction with the part that takes customers' inbound calls. */
    void wireInbound(InboundDesk desk) {
        this.inbound = desk;
    }

    /**
     * An agent logs in to a campaign and becomes ready, or, if logged in already, moves to it. An agent the
     * campaign's responsibles do not name is refused here, whichever path the login came by; a phone session
     * opened for the refused login is ended, so that the phone is not held on a line that gets no calls.
     */
    void onLogin(int agent, int campaignId) {
        if (!agents.valid(agent) || state.campaign(campaignId) == null) {
            return;
        }
        AgentState s = agents.state(agent);
        if (!state.campaigns[campaignId].responsibles.allows(agent)) {
            if (s == AgentState.LOGGED_OUT) {
                state.sessions.close(agent);
            }
            return;
        }
        if (s != AgentState.LOGGED_OUT) {
            relogin(agent, s, campaignId);
            return;
        }
        CampaignRuntime c = state.campaigns[campaignId];
        agents.login(agent, campaignId, state.nowNanos, c.agents);
        state.agentDay.loggedIn(agent);
        c.counters.set(CampaignCounters.LOGGED_IN, c.agents.members());
        makeReady(agent, AgentState.LOGGED_OUT, c);
        pacing.pace(c);
    }

    /**
     * A login of an agent who is logged in already (its phone session was up): it withdraws a pending logout,
     * and moves an agent between calls to the requested campaign, keeping its phone session. An agent on a
     * call stays in its campaign: moving it would take the call's agent away.
     */
    private void relogin(int agent, AgentState s, int campaignId) {
        agents.setLogoutPending(agent, false);
        state.agentDay.loggedIn(agent);
        int from = agents.campaign(agent);
        if (from == campaignId || s == AgentState.ON_CALL || s == AgentState.RESERVED) {
            return;
        }
        CampaignRuntime old = state.campaigns[from];
        if (s == AgentState.READY) {
            agents.removeReady(agent, old.agents);
        } else if (s == AgentState.WRAP_UP) {
            old.policy().onWrapEnded(state.nowNanos, state.nowNanos - agents.stateSinceNanos(agent));
        }
        move(agent, s, AgentState.LOGGED_OUT, old);
        leave(agent, old);
        pacing.pace(old);
        onLogin(agent, campaignId);
    }

    /** An agent ends its wrap-up or its pause. */
    void onReady(int agent) {
        if (!agents.valid(agent)) {
            return;
        }
        AgentState s = agents.state(agent);
        CampaignRuntime c = state.campaignOfAgent(agent);
        if (s == AgentState.WRAP_UP) {
            c.policy().onWrapEnded(state.nowNanos, state.nowNanos - agents.stateSinceNanos(agent));
        } else if (s != AgentState.PAUSED) {
            return;
        }
        agents.setPausePending(agent, false);
        makeReady(agent, s, c);
        pacing.pace(c);
    }

    /**
     * Puts an agent who has become available to work: a pending pause or logout first, then the inbound caller
     * who has waited longest, then the oldest answered call waiting, then a pushed preview, else the ready FIFO.
     */
    void makeReady(int agent, AgentState from, CampaignRuntime c) {
        if (agents.logoutPending(agent)) {
            move(agent, from, AgentState.LOGGED_OUT, c);
            logout(agent, c);
            return;
        }
        if (agents.pausePending(agent)) {
            agents.setPausePending(agent, false);
            move(agent, from, AgentState.PAUSED, c);
            return;
        }
        move(agent, from, AgentState.READY, c);
        agents.setPauseReason(agent, 0);
        // Enqueue first: bridge() takes a READY agent out of the FIFO, so it must be in it.
        agents.enqueueReady(agent, c.agents);
        if (inbound.takeWaiting(agent, c)) {
            return;
        }
        int waitingSlot = calls.firstSlot(c.waiting);
        if (waitingSlot >= 0 && !c.config().dialMode().agentFirst()) {
            long callId = calls.idOfSlot(waitingSlot);
            calls.remove(callId, c.waiting);
            callLifecycle.bridge(callId, agent, c);
            return;
        }
        if (c.config().dialMode() == DialMode.PUSH_PREVIEW && c.running()) {
            previewDesk.offer(agent, c);
        }
    }

    /** An agent pauses for a reason (0: none given): at once when it has no call, after its call otherwise. */
    void onPause(int agent, int reason) {
        if (!agents.valid(agent)) {
            return;
        }
        AgentState s = agents.state(agent);
        if (s == AgentState.LOGGED_OUT) {
            return;
        }
        // A pause asked for again changes its reason only.
        agents.setPauseReason(agent, reason);
        if (s == AgentState.PAUSED) {
            return;
        }
        CampaignRuntime c = state.campaignOfAgent(agent);
        switch (s) {
            case READY -> {
                agents.removeReady(agent, c.agents);
                move(agent, s, AgentState.PAUSED, c);
            }
            case WRAP_UP -> {
                c.policy().onWrapEnded(state.nowNanos, state.nowNanos - agents.stateSinceNanos(agent));
                move(agent, s, AgentState.PAUSED, c);
            }
            default -> agents.setPausePending(agent, true);
        }
    }

    /** An agent logs out because it or a supervisor asked: at once when it has no call, after its call otherwise. */
    void onLogout(int agent) {
        onLogout(agent, LogoutReason.ASKED);
    }

    /** An agent logs out for a reason (its last logout's, once the logout takes effect). */
    void onLogout(int agent, LogoutReason reason) {
        if (!agents.valid(agent)) {
            return;
        }
        AgentState s = agents.state(agent);
        if (s == AgentState.LOGGED_OUT) {
            return;
        }
        state.agentDay.logoutAsked(agent, reason);
        CampaignRuntime c = state.campaignOfAgent(agent);
        switch (s) {
            case READY -> {
                agents.removeReady(agent, c.agents);
                move(agent, s, AgentState.LOGGED_OUT, c);
                logout(agent, c);
            }
            case PAUSED, WRAP_UP -> {
                move(agent, s, AgentState.LOGGED_OUT, c);
                logout(agent, c);
            }
            default -> agents.setLogoutPending(agent, true);
        }
    }

    /**
     * The agent's call has ended: it goes to wrap-up, unless it had already left the call's state, with the
     * campaign's wrap-up limit set on it.
     */
    void endCall(int agent, CampaignRuntime c) {
        agents.setLastCall(agent, agents.call(agent));
        agents.setCall(agent, -1);
        if (agents.state(agent) == AgentState.ON_CALL) {
            move(agent, AgentState.ON_CALL, AgentState.WRAP_UP, c);
            long limitMillis = c.agentRules.wrapUpLimitMillis();
            if (limitMillis > 0) {
                state.timers.schedule(state.nowNanos + limitMillis * 1_000_000L, TimerKind.WRAP_UP_LIMIT,
                        AgentTimerRef.of(agent, agents.stateEpoch(agent)));
            }
        }
    }

    /**
     * The wrap-up limit has passed: an agent still in the same wrap-up is made ready, and on a campaign with an
     * automatic outcome the journal is told to record it for the agent's call.
     */
    void onWrapUpLimit(long ref) {
        int agent = AgentTimerRef.agent(ref);
        if (agents.valid(agent) && agents.state(agent) == AgentState.WRAP_UP
                && agents.stateEpoch(agent) == AgentTimerRef.epoch(ref)) {
            // Unlike the agent's own ready, the limit keeps a pause or logout the agent asked for during the call.
            CampaignRuntime c = state.campaignOfAgent(agent);
            if (c.agentRules.wrapUpOutcome() != null && agents.lastCall(agent) >= 0) {
                state.journal.wrapUpExpired(agents.lastCall(agent), c.config().id(), agent);
            }
            c.policy().onWrapEnded(state.nowNanos, state.nowNanos - agents.stateSinceNanos(agent));
            makeReady(agent, AgentState.WRAP_UP, c);
            pacing.pace(c);
        }
    }

    /**
     * New responsibles for a campaign: from now on only they may log in to it, and a logged-in agent they no
     * longer name is logged out (after its call, if it is on one), so it gets none of the campaign's calls.
     */
    void onResponsibles(CampaignRuntime c, Responsibles responsibles) {
        c.responsibles = responsibles;
        int agent = agents.firstMember(c.agents);
        while (agent >= 0) {
            int next = agents.nextMember(agent);
            if (!responsibles.allows(agent)) {
                onLogout(agent);
            }
            agent = next;
        }
    }

    /** Takes a ready agent out of the FIFO and reserves it (for a preview or a personal callback). */
    void reserve(int agent, CampaignRuntime c) {
        agents.removeReady(agent, c.agents);
        move(agent, AgentState.READY, AgentState.RESERVED, c);
    }

    /** Moves an agent to a state, keeping the campaign's count of agents per state. */
    void move(int agent, AgentState from, AgentState to, CampaignRuntime c) {
        c.countAgent(from, -1);
        c.countAgent(to, 1);
        countDay(agent, from, to);
        agents.setState(agent, to, state.nowNanos);
    }

    /** Today's figures of the agent's grid row: a call when bridged, a talk or wrap-up when it ends. */
    private void countDay(int agent, AgentState from, AgentState to) {
        if (from != AgentState.ON_CALL && from != AgentState.WRAP_UP && to != AgentState.ON_CALL) {
            return;
        }
        long nowMillis = state.clock.epochMillis();
        long stayNanos = state.nowNanos - agents.stateSinceNanos(agent);
        if (from == AgentState.ON_CALL) {
            state.agentDay.talkEnded(agent, stayNanos, nowMillis);
        } else if (from == AgentState.WRAP_UP) {
            state.agentDay.wrapEnded(agent, stayNanos, nowMillis);
        }
        if (to == AgentState.ON_CALL) {
            state.agentDay.callStarted(agent, nowMillis);
        }
    }

    private void logout(int agent, CampaignRuntime c) {
        state.agentDay.loggedOut(agent, state.clock.epochMillis());
        leave(agent, c);
        // Only now, with the agent out of every list, may its phone hang up: no call can be bridged to it any more.
        state.sessions.close(agent);
    }

    private void leave(int agent, CampaignRuntime c) {
        agents.logout(agent, state.nowNanos, c.agents);
        c.counters.set(CampaignCounters.LOGGED_IN, c.agents.members());
    }
}
