package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.pacing.DialMode;
import org.junit.jupiter.api.Test;

class EngineCoreTest {
    private final CoreHarness h = new CoreHarness();

    @Test
    void progressiveDialsOneCallPerReadyAgentWithTheCampaignsCallerId() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        h.input.agentLogin(1, 1);
        assertEquals(2, h.dialed.size());
        assertTrue(h.commands.get(0).endsWith("from +4512345678"), h.commands.get(0));
        h.advanceMillis(1_000);
        assertEquals(2, h.dialed.size(), "no more calls than ready agents");
    }

    @Test
    void bridgesAnsweredCallToTheAgentWhoHasWaitedLongest() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(3, 1);
        h.advanceMillis(10);
        h.input.agentLogin(5, 1);
        long second = h.lastDial();
        h.input.callAnswered(second);
        assertTrue(h.commands.contains("bridge " + second + " to 3"), h.commands.toString());
        assertEquals(AgentState.ON_CALL, h.core.agentState(3));
        assertEquals(second, h.core.agentCall(3));
    }

    @Test
    void abandonsAnsweredCallWhenNoAgentFreeWithinConnectLimit() {
        h.campaign(DialMode.POWER);
        h.input.command(c -> c.upsertCampaign(new io.pacer.engine.campaign.CampaignConfig(1, "test", DialMode.POWER,
                3.0, 0.0, 0.03, 15_000, 2_000, 100, null)));
        h.input.agentLogin(0, 1);
        assertEquals(3, h.dialed.size());
        long a = h.dialed.get(0);
        long b = h.dialed.get(1);
        h.input.callAnswered(a);
        h.input.callAnswered(b);
        h.advanceMillis(1_999);
        assertNull(h.outcomeOf(b), "still inside the connect limit");
        h.advanceMillis(2);
        assertTrue(h.commands.contains("abandon " + b), h.commands.toString());
        assertEquals(CallOutcome.ABANDONED, h.outcomeOf(b));
        CampaignStats s = h.core.stats(1);
        assertEquals(1, s.abandons());
        assertEquals(2, s.answers());
        assertEquals(0.5, s.abandonRate(), 1e-12);
    }

    @Test
    void bridgesWaitingCallWhenAnAgentFreesWithinTheConnectLimit() {
        h.campaign(DialMode.POWER);
        h.input.command(c -> c.upsertCampaign(new io.pacer.engine.campaign.CampaignConfig(1, "test", DialMode.POWER,
                2.0, 0.0, 0.03, 15_000, 2_000, 100, null)));
        h.input.agentLogin(0, 1);
        long a = h.dialed.get(0);
        long b = h.dialed.get(1);
        h.input.callAnswered(a);
        h.input.callAnswered(b);
        h.input.callEnded(a);
        assertEquals(AgentState.WRAP_UP, h.core.agentState(0));
        h.advanceMillis(1_000);
        h.input.agentReady(0);
        assertTrue(h.commands.contains("bridge " + b + " to 0"), h.commands.toString());
        h.advanceMillis(5_000);
        assertNull(h.outcomeOf(b), "bridged, not abandoned");
        assertEquals(CallOutcome.CONNECTED, h.outcomeOf(a));
    }

    @Test
    void cancelsUnansweredCallAtTheRingTimeoutAndRecordsNoAnswer() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callRinging(call);
        h.advanceMillis(14_999);
        assertTrue(h.commands.stream().noneMatch(c -> c.startsWith("cancel")));
        h.advanceMillis(1);
        assertTrue(h.commands.contains("cancel " + call));
        h.input.callFailed(call, CallOutcome.NO_ANSWER);
        assertEquals(CallOutcome.NO_ANSWER, h.outcomeOf(call));
        assertEquals(2, h.dialed.size(), "the agent gets the next contact");
    }

    @Test
    void closesACancelledCallTheAdapterNeverConfirms() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.advanceMillis(15_000 + 32_000);
        assertEquals(CallOutcome.NO_ANSWER, h.outcomeOf(call));
    }

    @Test
    void recordsEveryCallExactlyOnceAndIgnoresLateEvents() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callFailed(call, CallOutcome.BUSY);
        h.input.callFailed(call, CallOutcome.BUSY);
        h.input.callAnswered(call);
        h.input.callEnded(call);
        assertEquals(1, h.records.stream().filter(r -> r.callId == call).count());
        assertEquals(CallOutcome.BUSY, h.outcomeOf(call));
        assertEquals(AgentState.READY, h.core.agentState(0));
    }

    @Test
    void agentLogoutDuringACallTakesEffectAfterTheCall() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callAnswered(call);
        h.input.agentLogout(0);
        assertEquals(AgentState.ON_CALL, h.core.agentState(0));
        h.input.callEnded(call);
        h.input.agentReady(0);
        assertEquals(AgentState.LOGGED_OUT, h.core.agentState(0));
        assertEquals(0, h.core.stats(1).agentsLoggedIn());
    }

    @Test
    void pausedAgentGetsNoCalls() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.agentPause(0);
        h.input.callAnswered(call);
        assertTrue(h.commands.stream().noneMatch(c -> c.startsWith("bridge")));
        h.advanceMillis(2_001);
        assertEquals(CallOutcome.ABANDONED, h.outcomeOf(call));
        assertEquals(1, h.dialed.size());
        h.input.agentReady(0);
        assertEquals(2, h.dialed.size());
    }

    @Test
    void agentHangUpEndsTheCustomerCallAndStartsWrapUp() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callAnswered(call);
        h.input.agentHangUp(0);
        assertTrue(h.commands.contains("hangup " + call));
        assertEquals(AgentState.WRAP_UP, h.core.agentState(0));
        assertEquals(CallOutcome.CONNECTED, h.outcomeOf(call));
    }

    @Test
    void aDeadPhonesCustomerIsAbandonedCountedOnceAsAnAnswerAndTheAgentLoggedOut() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        h.input.agentLogin(1, 1);
        long call = h.dialed.get(0);
        long other = h.dialed.get(1);
        h.input.callAnswered(call);
        assertEquals(AgentState.ON_CALL, h.core.agentState(0));
        h.input.agentLost(0);
        assertTrue(h.commands.contains("abandon " + call), h.commands.toString());
        assertEquals(CallOutcome.ABANDONED, h.outcomeOf(call));
        assertEquals(AgentState.LOGGED_OUT, h.core.agentState(0));
        CampaignStats s = h.core.stats(1);
        assertEquals(1, s.answers());
        assertEquals(1, s.abandons());
        assertEquals(1, s.abandonment().windowAnswers(), "the bridged answer is not counted twice");
        assertEquals(1, s.abandonment().windowAbandons());
        // The session's own logout that follows changes nothing, and the next answer goes to the live agent.
        h.input.agentLogout(0);
        h.input.callAnswered(other);
        assertTrue(h.commands.contains("bridge " + other + " to 1"), h.commands.toString());
    }

    @Test
    void aDeadPhoneBetweenCallsIsOnlyLoggedOut() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.agentLost(0);
        assertEquals(AgentState.LOGGED_OUT, h.core.agentState(0));
        assertNull(h.outcomeOf(call), "its dial goes on; only a bridged customer is abandoned");
        assertEquals(0, h.core.stats(1).abandons());
    }

    @Test
    void stoppedCampaignPlacesNoNewCalls() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.command(c -> c.setRunning(1, false));
        h.input.agentLogin(0, 1);
        h.advanceMillis(1_000);
        assertEquals(0, h.dialed.size());
        h.input.command(c -> c.setRunning(1, true));
        assertEquals(1, h.dialed.size());
    }

    @Test
    void previewDialsOnlyAfterTheAgentAccepts() {
        h.campaign(DialMode.PREVIEW);
        h.input.agentLogin(2, 1);
        assertEquals(0, h.dialed.size());
        h.input.previewRequested(2);
        assertTrue(h.commands.contains("preview 100 to 2"), h.commands.toString());
        assertEquals(AgentState.RESERVED, h.core.agentState(2));
        h.input.previewAnswered(2, 100, PreviewAnswer.ACCEPT);
        long call = h.lastDial();
        h.input.callAnswered(call);
        assertTrue(h.commands.contains("bridge " + call + " to 2"));
    }

    @Test
    void previewSkipAndDoNotCallHandTheContactBack() {
        h.campaign(DialMode.PUSH_PREVIEW);
        h.input.agentLogin(2, 1);
        assertTrue(h.commands.contains("preview 100 to 2"), "pushed without asking");
        h.input.previewAnswered(2, 100, PreviewAnswer.SKIP);
        assertEquals(java.util.List.of(100L), h.givenBack);
        assertTrue(h.commands.contains("preview 101 to 2"));
        h.input.previewAnswered(2, 101, PreviewAnswer.DO_NOT_CALL);
        assertEquals(java.util.List.of(101L), h.doNotCall);
        assertEquals(0, h.dialed.size());
    }

    @Test
    void personalCallbackGoesOnlyToItsOwner() {
        h.campaign(DialMode.PROGRESSIVE);
        h.unlimitedContacts = false;
        h.contacts.add(new long[] {42, 7});
        h.input.agentLogin(3, 1);
        assertEquals(0, h.dialed.size(), "owner 7 is not logged in");
        assertEquals(java.util.List.of(42L), h.givenBack);
        h.contacts.add(new long[] {42, 7});
        h.input.agentLogin(7, 1);
        long call = h.lastDial();
        assertEquals(AgentState.RESERVED, h.core.agentState(7));
        h.input.callAnswered(call);
        assertTrue(h.commands.contains("bridge " + call + " to 7"), h.commands.toString());
        assertEquals(AgentState.READY, h.core.agentState(3));
    }

    @Test
    void neverExceedsTheCampaignChannelCap() {
        h.input.command(c -> c.upsertCampaign(new io.pacer.engine.campaign.CampaignConfig(1, "test", DialMode.POWER,
                5.0, 0.0, 0.03, 15_000, 2_000, 4, null)));
        h.input.agentLogin(0, 1);
        h.input.agentLogin(1, 1);
        h.advanceMillis(1_000);
        assertEquals(4, h.dialed.size());
    }

    @Test
    void stopsDialingWhenTheListRunsOut() {
        h.campaign(DialMode.PROGRESSIVE);
        h.unlimitedContacts = false;
        h.input.agentLogin(0, 1);
        h.advanceMillis(1_000);
        assertEquals(0, h.dialed.size());
        assertEquals(AgentState.READY, h.core.agentState(0));
    }

    @Test
    void ignoresEventsForUnknownAgentsCampaignsAndCalls() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(99, 1);
        h.input.agentLogin(0, 3);
        h.input.callAnswered(123456789L);
        h.input.agentReady(-1);
        assertEquals(0, h.dialed.size());
        assertEquals(AgentState.LOGGED_OUT, h.core.agentState(0));
    }

    @Test
    void agentsLeavingAfterTheirCallAreNotCountedOnByThePacing() {
        h.campaign(DialMode.PROGRESSIVE);
        int[] talkingSeen = new int[1];
        h.input.command(c -> c.campaign(1).usePolicy(new io.pacer.pacing.DialPolicy() {
            private final io.pacer.pacing.ProgressivePolicy inner = new io.pacer.pacing.ProgressivePolicy();

            @Override
            public void decide(io.pacer.pacing.PacingInput in, io.pacer.pacing.PacingDecision out) {
                talkingSeen[0] = in.talkingAgents;
                inner.decide(in, out);
            }

            @Override
            public String name() {
                return "recording";
            }
        }));
        h.input.agentLogin(0, 1);
        h.input.agentLogin(1, 1);
        h.input.callAnswered(h.dialed.get(0));
        h.input.callAnswered(h.dialed.get(1));
        h.advanceMillis(300);
        assertEquals(2, talkingSeen[0]);
        h.input.agentLogout(0);
        h.input.agentPause(1);
        h.advanceMillis(300);
        assertEquals(0, talkingSeen[0], "both leave after their call");
    }
}
