package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.campaign.Responsibles;
import io.pacer.engine.port.AgentSessions;
import io.pacer.pacing.DialMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core refuses a login to a campaign whose responsibles do not name the agent, whatever path it came by. */
class ResponsiblesCoreTest {
    private final CoreHarness h = new CoreHarness();
    private final List<Integer> closed = new ArrayList<>();

    @BeforeEach
    void campaignOfAgentsOneAndThree() {
        h.input.command(core -> core.agentSessions(new AgentSessions() {
            @Override
            public Opening open(int agentId, int campaignId) {
                return Opening.NOT_NEEDED;
            }

            @Override
            public void close(int agentId) {
                closed.add(agentId);
            }
        }));
        h.campaign(DialMode.PROGRESSIVE);
        h.input.command(core -> core.responsibles(1, Responsibles.only(1, 3)));
    }

    @Test
    void anAgentTheCampaignDoesNotNameIsRefusedGetsNoCallAndItsPhoneIsReleased() {
        h.input.agentLogin(2, 1);
        assertEquals(AgentState.LOGGED_OUT, h.core.agentState(2));
        assertEquals(0, h.dialed.size(), "no call is placed for an agent who is not there");
        assertEquals(List.of(2), closed);
        h.input.agentLogin(3, 1);
        assertEquals(AgentState.READY, h.core.agentState(3));
        assertEquals(1, h.dialed.size());
    }

    @Test
    void anAgentNoLongerResponsibleIsLoggedOutAfterItsCall() {
        h.input.agentLogin(1, 1);
        h.input.agentLogin(3, 1);
        long call = h.dialed.get(0);
        h.input.callAnswered(call);
        int talking = h.core.agentState(1) == AgentState.ON_CALL ? 1 : 3;
        int idle = 4 - talking;
        int dialedBefore = h.dialed.size();
        h.input.command(core -> core.responsibles(1, Responsibles.only()));
        assertEquals(AgentState.LOGGED_OUT, h.core.agentState(idle));
        assertEquals(AgentState.ON_CALL, h.core.agentState(talking), "the call is not taken from the agent");
        h.input.callEnded(call);
        assertEquals(AgentState.WRAP_UP, h.core.agentState(talking));
        h.input.agentReady(talking);
        assertEquals(AgentState.LOGGED_OUT, h.core.agentState(talking), "its wrap-up over, it takes no next call");
        assertEquals(dialedBefore, h.dialed.size(), "nothing dialed for agents no longer responsible");
    }

    @Test
    void aLoggedInAgentCannotMoveToACampaignItIsNotResponsibleFor() {
        h.input.command(core -> core.upsertCampaign(
                new io.pacer.engine.campaign.CampaignConfig(2, "other", DialMode.PREVIEW, 1.0, 0.0, 0.03, 15_000, 2_000,
                        100, null)));
        h.input.agentLogin(2, 2);
        h.input.agentLogin(2, 1);
        assertEquals(2, h.core.agentView(2).campaignId(), "stays where it was");
        assertFalse(closed.contains(2), "its phone session is kept for the campaign it works");
    }

    @Test
    void theSetHoldsExactlyTheAgentsNamed() {
        Responsibles r = Responsibles.only(0, 63, 64, 200);
        assertTrue(r.allows(0) && r.allows(63) && r.allows(64) && r.allows(200));
        assertFalse(r.allows(1) || r.allows(65) || r.allows(201) || r.allows(-1) || r.allows(100_000));
        assertTrue(Responsibles.ANYONE.allows(12_345));
    }
}
