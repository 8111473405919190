package io.pacer.pacing;

import static io.pacer.pacing.PolicyFixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The reserve that keeps the windows judged early in a shift under the cap, and the young-window rule that
 * holds a slow campaign to risk-free calls without holding a fast one back (docs/pacing.md, "Every window").
 */
class EveryWindowReserveTest {
    private static final long MINUTE = 60 * S;

    private static AbandonBudget overTheRun() {
        return new AbandonBudget(0.03, 2, 0.7, 0.02, 0.25, 0.01);
    }

    @Test
    void anHourIntoAShiftTheReserveCoversTheHoursNoiseNotOnlyTheRunsEnd() {
        AbandonBudget b = overTheRun();
        // A cold list's first hour: 1,350 answers, one every 2.67 s, 30 of them abandoned.
        for (int i = 0; i < 1350; i++) {
            b.onAnswerHandled(Math.round(i * 3600.0 / 1350) * S, i % 45 == 44);
        }
        double earned = 0.03 * b.answers();
        assertEquals(earned - 30, b.headroom(), 1e-9);
        double runEnd = b.headroom() - 2 - 0.7 * Math.sqrt(earned);
        // About 1,350·(1 − e^-1) = 853 recent answers: 1.8·sqrt(0.03·853) = 9.1 abandons, not 0.7·sqrt(40.5) = 4.5.
        assertTrue(b.surplus() < runEnd - 2, "an hour in, the run-end reserve alone is too thin: " + b.surplus()
                + " vs " + runEnd);
        assertEquals(b.headroom() - 2 - 9.11, b.surplus(), 0.1);
    }

    @Test
    void byTheEndOfALongShiftTheReserveIsTheRunsAgainSoNoAbandonIsLost() {
        AbandonBudget b = overTheRun();
        // Eight hours at 1,350 answers an hour: the recent answers stay near 1,350 while the run's grow to 10,800.
        int n = 8 * 1350;
        for (int i = 0; i < n; i++) {
            b.onAnswerHandled(Math.round(i * 3600.0 / 1350) * S, i % 40 == 39);
        }
        double runEnd = b.headroom() - 2 - 0.7 * Math.sqrt(0.03 * n);
        assertEquals(runEnd, b.surplus(), 1e-9, "0.7·sqrt(324) = 12.6 > 1.8·sqrt(0.03·1,350) = 11.5");
    }

    @Test
    void aQuietLunchHourDoesNotReleaseTheReserveTheControllerStillNeeds() {
        AbandonBudget b = overTheRun();
        for (int i = 0; i < 1350; i++) {
            b.onAnswerHandled(Math.round(i * 3600.0 / 1350) * S, false);
        }
        double before = b.headroom() - b.surplus();
        // Everyone at lunch for an hour, then one clean answer: the gap counts as five minutes, not an hour.
        b.onAnswerHandled(2 * 3600 * S, false);
        double after = b.headroom() - b.surplus();
        double recentBefore = (before - 2) / 1.8;
        double shrunk = 2 + 1.8 * Math.sqrt(recentBefore * recentBefore * Math.exp(-5.0 / 60) + 0.03);
        assertEquals(shrunk, after, 0.01, "reserve " + before + " -> " + after);
        assertTrue(after > 2 + 1.8 * recentBefore * Math.exp(-0.5) + 0.5, "not e^-1 of it, as an hour would take");
    }

    @Test
    void aYoungWindowThatEarnsAnAbandonWithinMinutesMayRiskOneAndASlowOneMayNot() {
        AbandonBudget fast = overTheRun();
        AbandonBudget slow = overTheRun();
        // 20 clean answers each: 0.6 abandons of headroom, not enough for one more.
        for (int i = 0; i < 20; i++) {
            fast.onAnswerHandled(i * 6 * S, false);
            slow.onAnswerHandled(i * 2 * MINUTE, false);
        }
        assertEquals(0.6, fast.headroom(), 1e-9);
        assertEquals(0.6, slow.headroom(), 1e-9);
        // Fast: 20 answers in 2 minutes (measured over 5) earn 0.9 abandons in the next 7.5 minutes.
        assertFalse(fast.mustNotRisk(120 * S), "a cold list earns the abandon back within minutes");
        // Slow: 20 answers in 40 minutes earn 0.11: one abandon now would leave the window over for long.
        assertTrue(slow.mustNotRisk(40 * MINUTE), "a team on long calls must not risk one yet");
    }
}
