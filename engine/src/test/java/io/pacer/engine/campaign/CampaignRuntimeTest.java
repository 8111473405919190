package io.pacer.engine.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.pacing.DialMode;
import io.pacer.pacing.DialResult;
import io.pacer.pacing.PredictivePolicy;
import org.junit.jupiter.api.Test;

/** A campaign's runtime keeps its abandonment budget over the regulator's window and its estimates across changes. */
class CampaignRuntimeTest {
    private static final long S = 1_000_000_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long NOW_MILLIS = 1_780_000_000_000L;

    private static CampaignConfig predictive(double target, long connectLimitMillis, AbandonHistory history) {
        return new CampaignConfig(1, "Spring", DialMode.PREDICTIVE, 1.0, 0.0, target, 25_000, connectLimitMillis, 100,
                null).withAbandonHistory(history);
    }

    @Test
    void aRestartMidWindowResumesTheBudgetFromTheStoredHistory() {
        // This morning, before the restart: 1000 answers, 60 abandoned, in four hourly buckets.
        long[] starts = new long[4];
        for (int h = 0; h < 4; h++) {
            starts[h] = NOW_MILLIS - (6 - h) * 3_600_000L;
        }
        AbandonHistory morning = new AbandonHistory(DAY_MILLIS, starts, new long[] {250, 250, 250, 250},
                new long[] {15, 15, 15, 15});
        CampaignRuntime restarted = new CampaignRuntime(predictive(0.03, 1750, morning), 5_000 * S, NOW_MILLIS);
        CampaignRuntime clean = new CampaignRuntime(predictive(0.03, 1750, AbandonHistory.empty(DAY_MILLIS)),
                5_000 * S, NOW_MILLIS);
        assertEquals(1000, restarted.budget().answers());
        assertEquals(60, restarted.budget().abandons());
        assertTrue(restarted.budget().surplus() < clean.budget().surplus() - 25,
                "restarted " + restarted.budget().surplus() + " vs clean slate " + clean.budget().surplus());
        CampaignStats.Abandonment shown = restarted.stats().abandonment();
        assertEquals(DAY_MILLIS, shown.windowMillis());
        assertEquals(0.06, shown.windowRate(), 1e-12);
        assertEquals(0.03 * 1000 - 60, shown.windowAbandonsLeft(), 1e-9, "30 over the cap: the budget is overdrawn");
        assertEquals(60, restarted.counters.get(CampaignCounters.WINDOW_ABANDONS), "and /metrics shows it");
        for (int i = 0; i < 200; i++) {
            restarted.onAnswerHandled((5_001 + i) * S, false);
            clean.onAnswerHandled((5_001 + i) * S, false);
        }
        assertTrue(restarted.budget().riskLimit() < clean.budget().riskLimit() / 2,
                "200 answers later the restarted campaign still owes the morning's overspend: restarted "
                        + restarted.budget().riskLimit() + " vs clean slate " + clean.budget().riskLimit());

        AbandonHistory yesterday = new AbandonHistory(DAY_MILLIS, new long[] {NOW_MILLIS - DAY_MILLIS - 1},
                new long[] {1000}, new long[] {100});
        assertEquals(0, new CampaignRuntime(predictive(0.03, 1750, yesterday), 5_000 * S, NOW_MILLIS).budget().answers(),
                "a bucket that left the 24 h window is not owed any more");
    }

    @Test
    void aLiveChangeOfTargetConnectLimitOrModeKeepsTheEstimatesTheWarmUpAndTheBudget() {
        CampaignRuntime c = new CampaignRuntime(predictive(0.03, 1750, null), 0, NOW_MILLIS);
        train(c);
        PredictivePolicy learned = assertInstanceOf(PredictivePolicy.class, c.policy());
        assertTrue(learned.warmedUp());
        long answers = c.budget().answers();

        c.reconfigure(predictive(0.02, 1500, null), 2_000 * S, NOW_MILLIS);
        PredictivePolicy retuned = assertInstanceOf(PredictivePolicy.class, c.policy());
        assertTrue(retuned != learned, "the policy is rebuilt for the new connect limit");
        assertTrue(retuned.warmedUp(), "and keeps the estimates: no second warm-up");
        assertEquals(answers, c.budget().answers());
        assertEquals(0.02, c.budget().target());

        c.reconfigure(predictive(0.02, 1500, null).withDialMode(DialMode.POWER), 2_001 * S, NOW_MILLIS);
        c.onAnswerHandled(2_002 * S, true);
        assertEquals(answers + 1, c.budget().answers(), "the budget counts whatever the mode");
        c.reconfigure(predictive(0.02, 1500, null), 2_003 * S, NOW_MILLIS);
        PredictivePolicy back = assertInstanceOf(PredictivePolicy.class, c.policy());
        assertTrue(back.warmedUp(), "back to predictive with what it had learned");
        assertSame(c.budget(), back.budget());

        c.reconfigure(new CampaignConfig(1, "Spring", DialMode.PREDICTIVE, 1.0, 0.0, 0.02, 40_000, 1500, 100, null),
                2_004 * S, NOW_MILLIS);
        assertFalse(((PredictivePolicy) c.policy()).warmedUp(), "a new ring timeout invalidates the ring times learned");
    }

    private static void train(CampaignRuntime c) {
        for (int i = 0; i < 400; i++) {
            c.policy().onDialResolved(i * S, i % 3 == 0 ? DialResult.ANSWERED : DialResult.NOT_ANSWERED, 8 * S);
        }
        for (int i = 0; i < 200; i++) {
            c.policy().onTalkEnded(i * S, 60 * S);
            c.policy().onWrapEnded(i * S, 10 * S);
            c.onAnswerHandled(i * S, i % 50 == 0);
        }
    }
}
