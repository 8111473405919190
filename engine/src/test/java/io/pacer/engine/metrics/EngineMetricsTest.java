package io.pacer.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignCounters;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {

    @Test
    void gaugesReadTheCoresCounters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CampaignCounters c = new CampaignCounters();
        EngineMetrics.bindCampaign(registry, "spring", c);
        for (int i = 0; i < 4; i++) {
            c.increment(CampaignCounters.ANSWERS);
        }
        c.increment(CampaignCounters.ABANDONS);
        c.increment(CampaignCounters.OUTCOME_BASE + CallOutcome.BUSY.ordinal());
        c.set(CampaignCounters.READY, 7);
        c.setDouble(CampaignCounters.RATIO_READY_BITS, 2.5);
        assertEquals(0.25, registry.get("pacer.abandon.rate").tag("campaign", "spring").gauge().value());
        assertEquals(1, registry.get("pacer.calls").tag("outcome", "busy").gauge().value());
        assertEquals(7, registry.get("pacer.agents").tag("state", "ready").gauge().value());
        assertEquals(2.5, registry.get("pacer.ratio.calls.per.ready.agent").gauge().value());
    }

    @Test
    void coreAnswerToBridgeQuantilesAreInSecondsUnderTheCoresOwnName() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 1; i <= 100; i++) {
            r.recordNanos(i * 1_000L);
        }
        EngineMetrics.bindCoreAnswerToBridge(registry, r);
        double p99 = registry.get("pacer.core.answer.to.bridge").tag("quantile", "0.99").gauge().value();
        assertTrue(p99 > 98e-6 && p99 < 100.1e-6, "p99 " + p99);
    }
}
