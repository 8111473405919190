package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.pacing.DialMode;
import org.junit.jupiter.api.Test;

/** What the call lifecycle measures: the core's share of answer-to-bridge. */
class CallLifecycleTest {
    private final CoreHarness h = new CoreHarness();

    @Test
    void coreAnswerToBridgeRunsFromTheAnswersPublicationToTheBridge() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        long call = h.lastDial();
        EngineEvent answered = new EngineEvent();
        // Published 3 ms before the core handles it: the ring's queueing is the core's share, the wire's is not.
        EngineEventTranslators.callAnswered(answered, h.nowNanos - 3 * CoreHarness.MS, call);
        h.core.dispatch(answered);
        assertTrue(h.commands.contains("bridge " + call + " to 0"), h.commands.toString());
        long p100 = h.core.coreAnswerToBridge().percentileNanos(100);
        assertEquals(3 * CoreHarness.MS, p100, 3 * CoreHarness.MS / 500.0, "p100 " + p100);
    }

    @Test
    void aCallAnsweredWithNoAgentFreeCountsItsWaitUntilTheBridge() {
        h.input.command(c -> c.upsertCampaign(new CampaignConfig(1, "test", DialMode.POWER, 2.0, 0.0, 0.03, 15_000,
                2_000, 100, null)));
        h.input.agentLogin(0, 1);
        long first = h.dialed.get(0);
        long second = h.dialed.get(1);
        h.input.callAnswered(first);
        h.input.callAnswered(second);
        h.input.callEnded(first);
        h.advanceMillis(500);
        h.input.agentReady(0);
        assertTrue(h.commands.contains("bridge " + second + " to 0"), h.commands.toString());
        long p100 = h.core.coreAnswerToBridge().percentileNanos(100);
        assertEquals(500 * CoreHarness.MS, p100, 500 * CoreHarness.MS / 500.0, "p100 " + p100);
    }
}
