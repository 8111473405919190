package io.pacer.pacing;

import static io.pacer.pacing.PolicyFixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budget over the regulator's window: seeded from history, forgetting what leaves it, kept across changes. */
class WindowedBudgetTest {
    private static final long HOUR = 3600 * S;

    private static AbandonBudget daily() {
        return new AbandonBudget(0.03, 2, 0.7, 0.1, 0.25, 0.01, 300 * S, 288);
    }

    @Test
    void aBudgetSeededWithTheMorningsOverspendDialsMoreCarefullyThanAFreshOne() {
        long now = 100 * HOUR;
        AbandonBudget fresh = daily();
        AbandonBudget seeded = daily();
        // This morning: 1000 answers, 60 abandoned (6%), spread over four hours that ended two hours ago.
        for (int h = 6; h >= 3; h--) {
            seeded.seed(now, h * HOUR, 250, 15);
        }
        assertEquals(1000, seeded.answers());
        assertEquals(60, seeded.abandons());
        for (int i = 0; i < 50; i++) {
            fresh.onAnswerHandled(now + i * S, false);
            seeded.onAnswerHandled(now + i * S, false);
        }
        assertTrue(seeded.surplus() < 0, "the morning's overspend is still owed: " + seeded.surplus());
        assertTrue(seeded.riskLimit() < fresh.riskLimit() / 2,
                "seeded " + seeded.riskLimit() + " vs fresh " + fresh.riskLimit());
    }

    @Test
    void answersAndAbandonsLeaveTheWindowAfterItsLength() {
        AbandonBudget b = daily();
        for (int i = 0; i < 100; i++) {
            b.onAnswerHandled(i * S, i < 10);
        }
        assertEquals(100, b.answers());
        assertEquals(10, b.abandons());
        double owed = b.riskLimit();
        b.age(23 * HOUR);
        assertEquals(100, b.answers(), "still inside 24 h");
        b.age(24 * HOUR + 600 * S);
        assertEquals(0, b.answers(), "a day later the window holds none of them");
        assertEquals(0, b.abandons());
        b.seed(24 * HOUR + 600 * S, 25 * HOUR, 500, 400);
        assertEquals(0, b.answers(), "history older than the window is not counted");
        assertTrue(owed < 0.1, "the overspend had tightened the limit: " + owed);
    }

    @Test
    void aLiveChangeKeepsTheEstimatesAndTheWarmUpAndOnlyARingTimeoutChangeResetsRingTimes() {
        PredictivePolicy trained = PolicyFixtures.trained(0.3, 60, 400);
        assertTrue(trained.warmedUp());
        PredictivePolicy retargeted = new PredictivePolicy(PredictiveSettings.defaults(0.02, 25 * S, 1500_000_000L),
                trained.budget(), trained);
        assertTrue(retargeted.warmedUp(), "a new target and connect limit keep every estimator");
        assertSame(trained.budget(), retargeted.budget());
        assertEquals(0.02, retargeted.budget().target());
        assertEquals(300, retargeted.budget().answers(), "answers counted before the change still count");

        PacingInput in = PolicyFixtures.input(4, 10, 2, 0);
        PacingDecision before = new PacingDecision();
        PacingDecision after = new PacingDecision();
        new PredictivePolicy(PredictiveSettings.defaults(0.03, 25 * S, 2 * S), PolicyFixtures.trained(0.3, 60, 400).budget(),
                PolicyFixtures.trained(0.3, 60, 400)).decide(in, before);
        assertTrue(before.callsToPlace > 4, "past warm-up it dials above one call per ready agent: " + before.callsToPlace);

        PredictivePolicy longerRing = new PredictivePolicy(PredictiveSettings.defaults(0.03, 30 * S, 2 * S),
                trained.budget(), trained);
        longerRing.decide(in, after);
        assertEquals(4, after.callsToPlace, "ring times learned under a 25 s timeout are invalid at 30 s: progressive again");
    }

    @Test
    void aWindowThatCannotAffordAnotherAbandonDialsAtTheFloorUntilItHasEarnedRoom() {
        AbandonBudget b = daily();
        for (int i = 0; i < 20; i++) {
            b.onAnswerHandled(i * 60 * S, false);
        }
        assertEquals(0.6, b.headroom(), 1e-9);
        assertEquals(0.002, b.riskLimit(), 1e-12, "at 20 answers one abandon would be 5%: the floor");
        for (int i = 20; i < 60; i++) {
            b.onAnswerHandled(i * 60 * S, false);
        }
        double halfOpen = b.riskLimit();
        assertTrue(halfOpen > 0.002 && halfOpen < 0.02, "1.8 abandons of room: held, not shut: " + halfOpen);
        b.onAnswerHandled(60 * 60 * S, true);
        assertEquals(0.002, b.riskLimit(), 1e-12, "spent: back to the floor");
        for (int i = 61; i < 300; i++) {
            b.onAnswerHandled(i * 60 * S, false);
        }
        assertTrue(b.riskLimit() > 0.02, "with room to spare the guard lets go: " + b.riskLimit());
    }

    @Test
    void quietHoursAboutToLeaveTheWindowTightenTheLimitBeforeTheyLeave() {
        long now = 100 * HOUR;
        AbandonBudget leaving = daily();
        AbandonBudget staying = daily();
        // The same 600 answers and 10 abandons in the window; in one, 300 clean answers are 23.5 h old.
        leaving.seed(now, 23 * HOUR + 1800 * S, 300, 0);
        leaving.seed(now, 2 * HOUR, 300, 10);
        staying.seed(now, 3 * HOUR, 300, 0);
        staying.seed(now, 2 * HOUR, 300, 10);
        assertEquals(staying.answers(), leaving.answers());
        assertEquals(8.0, staying.headroom(), 1e-9);
        assertEquals(-1.0, leaving.headroom(), 1e-9, "within the hour the window loses 9 abandons of allowance");
        assertTrue(leaving.surplus() < staying.surplus() - 8);
        assertEquals(0.002, leaving.riskLimit(), 1e-12);
        assertTrue(staying.riskLimit() > 5 * leaving.riskLimit(), staying.riskLimit() + " vs " + leaving.riskLimit());
        AbandonBudget run = new AbandonBudget(0.03, 2, 0.7, 0.1, 0.25, 0.01);
        run.seed(now, 23 * HOUR + 1800 * S, 300, 0);
        assertEquals(9.0, run.headroom(), 1e-9, "a budget over the run forgets nothing, so nothing leaves it");
    }
}
