package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentView;
import io.pacer.engine.agent.PauseReasons;
import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.pacing.DialMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The campaign's timers on its agents: the preview offer's timeout, missed offers in a row, the wrap-up limit. */
class AgentTimersTest {
    private final CoreHarness h = new CoreHarness();

    private void previewCampaign(AgentRules rules) {
        h.campaign(DialMode.PREVIEW);
        h.input.command(core -> core.agentRules(1, rules));
        h.input.agentLogin(2, 1);
    }

    @Test
    void anUnansweredOfferGoesBackToTheListAtTheTimeoutAndTheAgentIsReadyAgain() {
        previewCampaign(new AgentRules(20_000, 0, 0));
        h.input.previewRequested(2);
        assertEquals(AgentState.RESERVED, h.core.agentState(2));
        h.advanceMillis(19_999);
        assertEquals(List.of(), h.givenBack, "not yet");
        h.advanceMillis(1);
        assertEquals(List.of(100L), h.givenBack);
        assertEquals(AgentState.READY, h.core.agentState(2));
        assertEquals(1, h.core.agentView(2).missedOffers());
        h.input.previewAnswered(2, 100, PreviewAnswer.ACCEPT);
        assertEquals(0, h.dialed.size(), "an answer to an offer taken back dials nothing");
    }

    @Test
    void anAnsweredOfferIsNotTakenBackByItsTimer() {
        previewCampaign(new AgentRules(20_000, 0, 0));
        h.input.previewRequested(2);
        h.input.previewAnswered(2, 100, PreviewAnswer.ACCEPT);
        h.advanceMillis(30_000);
        assertEquals(List.of(), h.givenBack);
        assertEquals(1, h.dialed.size());
    }

    @Test
    void anAgentWhoMissesTheCampaignsNumberOfOffersInARowIsPausedWithTheReason() {
        previewCampaign(new AgentRules(10_000, 3, 0));
        for (int i = 0; i < 2; i++) {
            h.input.previewRequested(2);
            h.advanceMillis(10_000);
        }
        assertEquals(AgentState.READY, h.core.agentState(2));
        h.input.previewRequested(2);
        h.advanceMillis(10_000);
        AgentView v = h.core.agentView(2);
        assertEquals(AgentState.PAUSED, v.state());
        assertEquals(PauseReasons.MISSED_OFFERS, v.pauseReason());
        assertEquals(List.of(100L, 101L, 102L), h.givenBack);
        h.input.agentReady(2);
        assertEquals(0, h.core.agentView(2).pauseReason(), "ready again clears the reason");
    }

    @Test
    void anAnswerSetsTheCountOfMissedOffersBack() {
        previewCampaign(new AgentRules(10_000, 2, 0));
        h.input.previewRequested(2);
        h.advanceMillis(10_000);
        h.input.previewRequested(2);
        h.input.previewAnswered(2, 101, PreviewAnswer.SKIP);
        h.input.previewRequested(2);
        h.advanceMillis(10_000);
        assertEquals(AgentState.READY, h.core.agentState(2), "one miss since the last answer");
    }

    @Test
    void pushPreviewOffersTheNextRecordAfterATimeout() {
        h.campaign(DialMode.PUSH_PREVIEW);
        h.input.command(core -> core.agentRules(1, new AgentRules(10_000, 0, 0)));
        h.input.agentLogin(2, 1);
        assertTrue(h.commands.contains("preview 100 to 2"), h.commands.toString());
        h.advanceMillis(10_000);
        assertTrue(h.commands.contains("preview 101 to 2"), h.commands.toString());
        assertEquals(101, h.core.agentView(2).contactId());
        assertTrue(h.core.agentView(2).offerOpen());
    }

    @Test
    void wrapUpEndsAtTheLimitAndTheAgentIsReadyForTheNextCall() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.command(core -> core.agentRules(1, new AgentRules(0, 0, 30_000)));
        h.unlimitedContacts = false;
        h.contacts.add(new long[] {7, -1});
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callAnswered(call);
        h.input.callEnded(call);
        AgentView wrap = h.core.agentView(0);
        assertEquals(AgentState.WRAP_UP, wrap.state());
        assertEquals(7, wrap.contactId(), "the record stays on the desktop during wrap-up");
        h.advanceMillis(29_000);
        assertEquals(AgentState.WRAP_UP, h.core.agentState(0));
        h.advanceMillis(1_000);
        assertEquals(AgentState.READY, h.core.agentState(0));
        assertEquals(-1, h.core.agentView(0).contactId());
    }

    @Test
    void aWrapUpLimitSetInAnEarlierWrapUpDoesNotCutTheNextOneShort() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.command(core -> core.agentRules(1, new AgentRules(0, 0, 30_000)));
        h.input.agentLogin(0, 1);
        long first = h.lastDial();
        h.input.callAnswered(first);
        h.input.callEnded(first);
        h.advanceMillis(10_000);
        h.input.agentReady(0);
        long second = h.lastDial();
        h.input.callAnswered(second);
        h.advanceMillis(10_000);
        h.input.callEnded(second);
        h.advanceMillis(10_000);
        assertEquals(AgentState.WRAP_UP, h.core.agentState(0), "the first wrap-up's timer found another stay");
        h.advanceMillis(20_000);
        assertEquals(AgentState.READY, h.core.agentState(0));
    }

    @Test
    void aPauseAskedForDuringACallKeepsItsReasonAndTakesEffectAtTheWrapUpLimit() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.command(core -> core.agentRules(1, new AgentRules(0, 0, 30_000)));
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callAnswered(call);
        h.input.agentPause(0, 12);
        AgentView during = h.core.agentView(0);
        assertEquals(AgentState.ON_CALL, during.state());
        assertTrue(during.pausePending());
        assertEquals(12, during.pauseReason());
        h.input.callEnded(call);
        h.advanceMillis(30_000);
        assertEquals(AgentState.PAUSED, h.core.agentState(0));
        assertEquals(12, h.core.agentView(0).pauseReason());
        assertFalse(h.core.agentView(0).pausePending());
    }

    @Test
    void rulesOutOfRangeAreRefusedNamingTheSetting() {
        assertRefused("previewTimeoutMillis", () -> new AgentRules(1_000, 0, 0));
        assertRefused("wrapUpLimitMillis", () -> new AgentRules(0, 0, 4_000_000));
        assertRefused("maxMissedOffers", () -> new AgentRules(0, -1, 0));
    }

    private static void assertRefused(String field, Executable build) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(CampaignConfig.InvalidSettingException.class, build);
        assertEquals(field, e.field());
    }

    @Test
    void atTheWrapUpLimitACampaignWithAnAutomaticOutcomeHasItRecordedForTheCallAndTheAgentIsReady() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.command(core -> core.agentRules(1, new AgentRules(0, 0, 30_000, "Wrap-up expired", 0,
                io.pacer.engine.campaign.CallbackFallback.ANY)));
        h.unlimitedContacts = false;
        h.contacts.add(new long[] {7, -1});
        h.contacts.add(new long[] {8, -1});
        h.input.agentLogin(0, 1);
        long first = h.lastDial();
        h.input.callAnswered(first);
        h.input.callEnded(first);
        h.input.agentReady(0);
        assertEquals(List.of(), h.wrapUpsExpired, "a wrap-up the agent ended records nothing");
        long second = h.lastDial();
        h.input.callAnswered(second);
        h.input.callEnded(second);
        h.advanceMillis(30_000);
        assertEquals(AgentState.READY, h.core.agentState(0));
        assertEquals(1, h.wrapUpsExpired.size());
        assertEquals(List.of(second, 1L, 0L), java.util.Arrays.stream(h.wrapUpsExpired.get(0)).boxed().toList());
    }

    @Test
    void aWrapUpLimitWithoutAnAutomaticOutcomeOnlyMakesTheAgentReady() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.command(core -> core.agentRules(1, new AgentRules(0, 0, 30_000)));
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callAnswered(call);
        h.input.callEnded(call);
        h.advanceMillis(30_000);
        assertEquals(AgentState.READY, h.core.agentState(0));
        assertEquals(List.of(), h.wrapUpsExpired);
    }

    @Test
    void anAutomaticOutcomeNeedsAWrapUpLimitAndTheGraceARange() {
        assertRefused("wrapUpOutcome", () -> new AgentRules(0, 0, 0, "Done", 0, null));
        assertRefused("callbackGraceMillis", () -> new AgentRules(0, 0, 0, null, -1, null));
        assertEquals(io.pacer.engine.campaign.CallbackFallback.ANY, new AgentRules(0, 0, 0, null, 0, null).callbackFallback());
    }
}
