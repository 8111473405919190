package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.AmdAction;
import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.AmdSettings;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.engine.port.CallRecord;
import io.pacer.pacing.DialMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the core does with the media analysis's verdicts: hold, bridge, hang up, drop a message, book a SIT. */
class AmdVerdictsTest {
    private final CoreHarness h = new CoreHarness();

    private long answeredCallWithAmd(AmdSettings amd, long connectLimitMillis) {
        h.input.command(c -> c.upsertCampaign(new CampaignConfig(1, "amd", DialMode.PROGRESSIVE, 1.0, 0.0, 0.03, 15_000,
                connectLimitMillis, 100, null).withAmd(amd)));
        h.input.command(c -> c.setRunning(1, true));
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callAnswered(call);
        return call;
    }

    private CallRecord record(long callId) {
        return h.records.stream().filter(r -> r.callId == callId).findFirst().orElseThrow();
    }

    @Test
    void theAdapterIsToldTheCampaignsSettingsBeforeItsFirstDial() {
        answeredCallWithAmd(AmdSettings.preset(true, "cautious"), 10_000);
        assertEquals(List.of("1 on before dial 0"), h.amdTold);
    }

    @Test
    void anAnsweredCallIsHeldFromAgentsUntilThePersonIsHeardThenBridged() {
        long call = answeredCallWithAmd(AmdSettings.preset(true, "cautious"), 10_000);
        assertFalse(h.commands.stream().anyMatch(x -> x.startsWith("bridge")), h.commands.toString());
        assertEquals(1, h.core.campaign(1).counters.get(CampaignCounters.AMD_LISTENING));
        h.advanceMillis(1400);
        h.input.callClassified(call, AmdVerdict.HUMAN, AmdCause.HUMAN, 1380);
        assertTrue(h.commands.contains("bridge " + call + " to 0"), h.commands.toString());
        assertEquals(0, h.core.campaign(1).counters.get(CampaignCounters.AMD_LISTENING));
        h.input.callEnded(call);
        CallRecord r = record(call);
        assertEquals(CallOutcome.CONNECTED, r.outcome);
        assertEquals(AmdVerdict.HUMAN, r.amdVerdict);
        assertEquals(AmdCause.HUMAN, r.amdCause);
        assertEquals(1380, r.amdDecisionMillis);
        assertEquals(AmdAction.AGENT, r.amdAction);
    }

    @Test
    void aMachineIsHungUpAndBookedMachineWhileTheReservedAgentIsReadyAgain() {
        long call = answeredCallWithAmd(AmdSettings.preset(true, "cautious"), 10_000);
        h.input.callClassified(call, AmdVerdict.MACHINE, AmdCause.MAX_WORDS, 2100);
        assertTrue(h.commands.contains("hangup " + call), h.commands.toString());
        CallRecord r = record(call);
        assertEquals(CallOutcome.MACHINE, r.outcome);
        assertEquals(AmdAction.HANG_UP, r.amdAction);
        assertEquals(-1, r.agentId);
        assertEquals(1, h.core.campaign(1).counters.get(CampaignCounters.AMD_VERDICT_BASE + AmdVerdict.MACHINE.ordinal()));
        // Progressive: the agent was reserved for that call and dials again.
        assertTrue(h.dialed.size() >= 2, h.dialed.toString());
    }

    @Test
    void aMachineOnAMessageDropCampaignGetsTheMessageNotAHangUp() {
        AmdSettings p = AmdSettings.preset(true, "cautious");
        AmdSettings drop = new AmdSettings(true, "cautious", p.initialSilenceMillis(), p.greetingMillis(),
                p.afterGreetingSilenceMillis(), p.totalAnalysisMillis(), p.minWordLengthMillis(),
                p.betweenWordsSilenceMillis(), p.maxWords(), p.silenceThreshold(), p.maxWordLengthMillis(),
                "MESSAGE_DROP", "AGENT", 0.02);
        long call = answeredCallWithAmd(drop, 10_000);
        h.input.callClassified(call, AmdVerdict.MACHINE, AmdCause.LONG_GREETING, 2000);
        assertTrue(h.commands.contains("drop message " + call), h.commands.toString());
        assertFalse(h.commands.contains("hangup " + call), h.commands.toString());
        assertEquals(AmdAction.MESSAGE_DROP, record(call).amdAction);
    }

    @Test
    void aVacantSitInEarlyMediaCancelsTheCallAndBooksAnInvalidNumber() {
        h.input.command(c -> c.upsertCampaign(new CampaignConfig(1, "amd", DialMode.PROGRESSIVE, 1.0, 0.0, 0.03, 15_000,
                2_000, 100, null).withAmd(AmdSettings.preset(true, "cautious"))));
        h.input.command(c -> c.setRunning(1, true));
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        h.input.callRinging(call);
        h.input.callClassified(call, AmdVerdict.SIT_VACANT, AmdCause.NONE, 1100);
        assertTrue(h.commands.contains("cancel " + call), h.commands.toString());
        assertEquals(CallOutcome.INVALID_NUMBER, record(call).outcome);
        assertEquals(AmdVerdict.SIT_VACANT, record(call).amdVerdict);
        // The CANCEL's 487 that follows is about a finished call: no second record.
        h.input.callFailed(call, CallOutcome.NO_ANSWER);
        assertEquals(1, h.records.stream().filter(r -> r.callId == call).count());
    }

    @Test
    void congestionInEarlyMediaCancelsTheCallAsANetworkFailureAndBusyAsBusy() {
        h.input.command(c -> c.upsertCampaign(new CampaignConfig(1, "amd", DialMode.PROGRESSIVE, 1.0, 0.0, 0.03, 15_000,
                2_000, 100, null).withAmd(AmdSettings.preset(true, "cautious"))));
        h.input.command(c -> c.setRunning(1, true));
        h.input.agentLogin(0, 1);
        long congested = h.lastDial();
        h.input.callRinging(congested);
        h.input.callClassified(congested, AmdVerdict.CONGESTION, AmdCause.NONE, 1100);
        assertTrue(h.commands.contains("cancel " + congested), h.commands.toString());
        assertEquals(CallOutcome.FAILURE, record(congested).outcome);
        assertEquals(AmdVerdict.CONGESTION, record(congested).amdVerdict);
        assertFalse(AmdVerdict.CONGESTION.deadNumber(), "a congested network is retried");
        long busy = h.lastDial();
        h.input.callRinging(busy);
        h.input.callClassified(busy, AmdVerdict.BUSY, AmdCause.NONE, 2200);
        assertTrue(h.commands.contains("cancel " + busy), h.commands.toString());
        assertEquals(CallOutcome.BUSY, record(busy).outcome);
    }

    @Test
    void noVerdictByTheConnectLimitIsNotSureAndGoesToTheAgentInTime() {
        long call = answeredCallWithAmd(AmdSettings.preset(true, "cautious"), 2_000);
        h.advanceMillis(1_999);
        assertFalse(h.commands.contains("bridge " + call + " to 0"), h.commands.toString());
        h.advanceMillis(2);
        assertTrue(h.commands.contains("bridge " + call + " to 0"), h.commands.toString());
        // A verdict that comes after the deadline changes nothing.
        h.input.callClassified(call, AmdVerdict.MACHINE, AmdCause.MAX_WORDS, 2500);
        assertFalse(h.commands.contains("hangup " + call), h.commands.toString());
        h.input.callEnded(call);
        assertEquals(AmdVerdict.NOTSURE, record(call).amdVerdict);
        assertEquals(AmdCause.DEADLINE, record(call).amdCause);
    }

    @Test
    void aPersonWhoHangsUpWhileHeldIsAnAbandonedAnswer() {
        long call = answeredCallWithAmd(AmdSettings.preset(true, "cautious"), 10_000);
        h.input.callEnded(call);
        CallRecord r = record(call);
        assertEquals(CallOutcome.CUSTOMER_HUNG_UP, r.outcome);
        assertNull(r.amdVerdict);
        assertEquals(1, h.core.campaign(1).counters.get(CampaignCounters.ABANDONS));
    }

    @Test
    void eachPersonHeardAddsTheEstimatedFalsePositivesToTheAbandonments() {
        AmdSettings p = AmdSettings.preset(true, "cautious");
        // f = 0.2: each person heard stands for 0.25 people classed machine; four people heard, one abandon.
        AmdSettings fp = new AmdSettings(true, "cautious", p.initialSilenceMillis(), p.greetingMillis(),
                p.afterGreetingSilenceMillis(), p.totalAnalysisMillis(), p.minWordLengthMillis(),
                p.betweenWordsSilenceMillis(), p.maxWords(), p.silenceThreshold(), p.maxWordLengthMillis(),
                "HANG_UP", "AGENT", 0.2);
        long call = answeredCallWithAmd(fp, 10_000);
        for (int i = 0; i < 4; i++) {
            h.input.callClassified(call, AmdVerdict.HUMAN, AmdCause.HUMAN, 1000);
            h.input.callEnded(call);
            h.input.agentReady(0);
            call = h.lastDial();
            h.input.callAnswered(call);
        }
        CampaignCounters counters = h.core.campaign(1).counters;
        assertEquals(1, counters.get(CampaignCounters.AMD_FALSE_POSITIVES));
        assertEquals(1, counters.get(CampaignCounters.ABANDONS));
        assertEquals(5, counters.get(CampaignCounters.ANSWERS), "four people and the one estimated");
        assertEquals(1, h.records.stream().mapToInt(r -> r.amdFalsePositives).sum(), "the record carries it to storage");
    }
}
