package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.port.AgentSessions;
import io.pacer.pacing.DialMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core's side of the agents' phone sessions: when it lets a phone hang up, and a login that moves an agent. */
class AgentSessionsCoreTest {

    private final CoreHarness h = new CoreHarness();
    private final List<Integer> closed = new ArrayList<>();

    @BeforeEach
    void wireSessions() {
        h.input.command(core -> core.agentSessions(new AgentSessions() {
            @Override
            public Opening open(int agentId, int campaignId) {
                return Opening.CALLING;
            }

            @Override
            public void close(int agentId) {
                closed.add(agentId);
            }
        }));
    }

    @Test
    void logoutOfAnAgentBetweenCallsEndsItsSessionAtOnce() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        h.input.agentLogout(0);
        assertEquals(AgentState.LOGGED_OUT, h.core.agentState(0));
        assertEquals(List.of(0), closed);
    }

    /** Agent 0 talks to a customer and has asked to log out; returns the call. */
    private long onACallWithLogoutPending() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callAnswered(call);
        h.input.agentLogout(0);
        return call;
    }

    @Test
    void logoutDuringACallEndsTheSessionOnlyWhenTheLogoutTakesEffect() {
        long call = onACallWithLogoutPending();
        assertEquals(List.of(), closed, "the customer is still talking to the agent");
        h.input.callEnded(call);
        h.input.agentReady(0);
        assertEquals(List.of(0), closed);
    }

    @Test
    void loginDuringAPendingLogoutWithdrawsIt() {
        long call = onACallWithLogoutPending();
        h.input.agentLogin(0, 1);
        h.input.callEnded(call);
        h.input.agentReady(0);
        assertEquals(AgentState.READY, h.core.agentState(0));
        assertEquals(List.of(), closed);
    }

    @Test
    void loginOfALoggedInAgentToAnotherCampaignMovesItAndKeepsItsSession() {
        h.campaign(DialMode.PREVIEW);
        CampaignConfig second = new CampaignConfig(2, "second", DialMode.PREVIEW, 1.0, 0.0, 0.03, 15_000, 2_000, 100, null);
        h.input.command(core -> core.upsertCampaign(second));
        h.input.agentLogin(0, 1);
        h.input.agentLogin(0, 2);
        assertEquals(AgentState.READY, h.core.agentState(0));
        assertEquals(0, h.core.stats(1).agentsLoggedIn());
        assertEquals(1, h.core.stats(2).agentsLoggedIn());
        assertEquals(List.of(), closed, "a move is no logout: the phone stays connected");
    }
}
