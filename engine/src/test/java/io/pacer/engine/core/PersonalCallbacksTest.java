package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.CallbackFallback;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.campaign.Responsibles;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.ContactSlot;
import io.pacer.pacing.DialMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A personal callback is dialed only for its owner, reserved first, until the campaign's grace for an owner who is
 * not logged in runs out; a team callback only for an agent of its team; otherwise it goes back to the supply.
 */
class PersonalCallbacksTest {
    private final CoreHarness ports = new CoreHarness();
    private final CoreState state = new CoreState(new EngineLimits(8, 8, 4, 200), ports, ports, ports, ports,
            CallJournal.NONE);
    private final AgentLifecycle agentLifecycle = new AgentLifecycle(state);
    private final PersonalCallbacks callbacks = new PersonalCallbacks(state, agentLifecycle);
    private final CampaignRuntime first = campaign(1);
    private final CampaignRuntime second = campaign(2);

    {
        // The inbound desk is asked first whenever an agent becomes ready; with no callers it passes.
        agentLifecycle.wireInbound(new InboundDesk(state, agentLifecycle, null));
    }

    private CampaignRuntime campaign(int id) {
        CampaignRuntime c = new CampaignRuntime(new CampaignConfig(id, "c" + id, DialMode.PROGRESSIVE, 1.0, 0.0,
                0.03, 15_000, 2_000, 10, null));
        state.campaigns[id] = c;
        return c;
    }

    private void ready(int agent, CampaignRuntime c) {
        state.agents.login(agent, c.config().id(), state.nowNanos, c.agents);
        agentLifecycle.move(agent, AgentState.LOGGED_OUT, AgentState.READY, c);
        state.agents.enqueueReady(agent, c.agents);
    }

    private static ContactSlot callback(long contactId, int owner) {
        ContactSlot slot = new ContactSlot();
        slot.contactId = contactId;
        slot.number = "+4570000" + contactId;
        slot.ownerAgentId = owner;
        return slot;
    }

    @Test
    void contactWithoutOwnerMayBeDialedAndReservesNobody() {
        ready(2, first);
        assertTrue(callbacks.reserveOwner(first, callback(50, -1)));
        assertEquals(AgentState.READY, state.agents.state(2));
        assertEquals(1, first.agents.ready());
        assertEquals(List.of(), ports.givenBack);
    }

    @Test
    void readyOwnerIsTakenOutOfTheReadyQueueAndReserved() {
        ready(2, first);
        ready(3, first);
        assertTrue(callbacks.reserveOwner(first, callback(50, 3)));
        assertEquals(AgentState.RESERVED, state.agents.state(3));
        assertEquals(1, first.reserved());
        assertEquals(1, first.agents.ready());
        assertEquals(2, state.agents.longestReady(first.agents), "the other agent is still ready");
    }

    @Test
    void assuredContactReservesTheAgentWhoWaitedLongestOrGoesBackWhenNoneIsReady() {
        assertFalse(callbacks.reserveOwner(first, callback(70, ContactSlot.ASSURED)), "no agent ready: not dialed");
        assertEquals(List.of(70L), ports.givenBack);
        ready(2, first);
        ready(3, first);
        ContactSlot assured = callback(71, ContactSlot.ASSURED);
        assertTrue(callbacks.reserveOwner(first, assured));
        assertEquals(2, assured.ownerAgentId, "the agent who waited longest is its owner for this call");
        assertEquals(AgentState.RESERVED, state.agents.state(2));
        assertEquals(1, first.reserved());
        assertEquals(3, state.agents.longestReady(first.agents));
    }

    @Test
    void ownerNotReadyInThisCampaignLeavesTheContactDue() {
        ready(4, second);
        assertFalse(callbacks.reserveOwner(first, callback(60, 4)), "owner works in another campaign");
        assertFalse(callbacks.reserveOwner(first, callback(61, 5)), "owner is not logged in");
        assertFalse(callbacks.reserveOwner(first, callback(62, 99)), "owner is no agent");
        assertEquals(List.of(60L, 61L, 62L), ports.givenBack);
        assertEquals(AgentState.READY, state.agents.state(4));
    }

    @Test
    void ownerOfACallbackThatCouldNotBeDialedIsReadyAgain() {
        ready(3, first);
        callbacks.reserveOwner(first, callback(50, 3));
        callbacks.releaseOwner(first, 3);
        assertEquals(AgentState.READY, state.agents.state(3));
        assertEquals(0, first.reserved());
        assertEquals(3, state.agents.longestReady(first.agents));
    }

    private ContactSlot dueAgo(long contactId, int owner, long agoMillis, Responsibles team) {
        ContactSlot slot = callback(contactId, owner);
        slot.dueMillis = ports.epochMillis() - agoMillis;
        slot.team = team;
        return slot;
    }

    @Test
    void aTeamCallbackReservesTheTeamsLongestWaitingAgentAndNeverAnOutsider() {
        ready(2, first);
        ready(3, first);
        ready(4, first);
        ContactSlot team = dueAgo(80, -1, 0, Responsibles.only(3, 4));
        assertTrue(callbacks.reserveOwner(first, team));
        assertEquals(3, team.ownerAgentId, "agent 2 waited longer but is not in the team");
        assertEquals(AgentState.RESERVED, state.agents.state(3));
        assertEquals(AgentState.READY, state.agents.state(2));
        assertFalse(callbacks.reserveOwner(first, dueAgo(81, -1, 0, Responsibles.only(5, 6))), "nobody of the team is ready");
        assertEquals(List.of(81L), ports.givenBack);
        assertEquals(AgentState.READY, state.agents.state(2), "an outsider is never reserved for it");
        ContactSlot offered = dueAgo(82, -1, 0, Responsibles.only(3, 4));
        assertTrue(callbacks.mayTake(first, offered, 4));
        assertFalse(callbacks.mayTake(first, offered, 2), "a preview never offers it to an outsider");
    }

    @Test
    void aPersonalCallbackWaitsForItsAbsentOwnerThroughTheGraceThenGoesToAnyAgent() {
        ready(2, first);
        long grace = AgentRules.DEFAULT_CALLBACK_GRACE_MILLIS;
        assertFalse(callbacks.reserveOwner(first, dueAgo(90, 5, grace - 1, null)), "within the default grace");
        ContactSlot late = dueAgo(91, 5, grace, null);
        assertTrue(callbacks.mayTake(first, late, 2));
        assertTrue(callbacks.reserveOwner(first, late));
        assertEquals(2, late.ownerAgentId, "any agent by default, as a campaign callback");
        assertEquals(List.of(90L), ports.givenBack);
    }

    @Test
    void afterTheGraceAPersonalCallbackGoesToTheOwnersTeamWhenTheCampaignSaysSo() {
        first.agentRules = new AgentRules(0, 0, 0, null, 60_000, CallbackFallback.TEAM);
        ready(2, first);
        ready(3, first);
        ContactSlot late = dueAgo(92, 5, 60_000, Responsibles.only(3, 5));
        assertTrue(callbacks.reserveOwner(first, late));
        assertEquals(3, late.ownerAgentId, "the owner's team mate, not the agent who waited longest");
        assertFalse(callbacks.mayTake(first, dueAgo(93, 5, 60_000, Responsibles.only(3, 5)), 2));
    }

    @Test
    void anOwnerWhoIsLoggedInKeepsItsCallbackPastTheGraceAndAGraceOfZeroWaitsForEver() {
        ready(2, first);
        ready(3, first);
        agentLifecycle.reserve(3, first);
        assertFalse(callbacks.reserveOwner(first, dueAgo(94, 3, 86_400_000L, null)), "owner logged in, busy");
        first.agentRules = new AgentRules(0, 0, 0, null, 0, CallbackFallback.ANY);
        assertFalse(callbacks.reserveOwner(first, dueAgo(95, 5, 86_400_000L, null)), "grace 0: only its owner");
        assertEquals(List.of(94L, 95L), ports.givenBack);
        assertEquals(AgentState.READY, state.agents.state(2));
    }
}
