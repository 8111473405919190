package io.pacer.pacing;

import static io.pacer.pacing.PolicyFixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimatorsTest {

    @Test
    void decayingHistogramWeighsAnObservationHalfAfterItsHalfLife() {
        DecayingHistogram h = new DecayingHistogram(4, S, 10);
        h.record(0);
        for (int i = 0; i < 10; i++) {
            h.record(3 * S);
        }
        // The first observation now weighs half of the newest one.
        // Ten newer observations: the first weighs 2^(-10/10) = 1/2 of the newest.

        double firstShare = h.count(0) / h.total();
        double expected = 0.5 / (0.5 + sumOfWeights(10));
        assertEquals(expected, firstShare, 1e-9);
    }

    private static double sumOfWeights(int n) {
        double s = 0;
        for (int i = 1; i <= n; i++) {
            s += Math.pow(2, (i - 10) / 10.0);
        }
        return s;
    }

    @Test
    void decayingHistogramPutsValuesBeyondTheLastBinInIt() {
        DecayingHistogram h = new DecayingHistogram(3, S, 100);
        h.record(99 * S);
        assertEquals(2, h.binOf(99 * S));
        assertEquals(h.total(), h.count(2), 1e-12);
    }

    @Test
    void ringEstimatorLearnsTheAnswerProbability() {
        RingOutcomeEstimator r = new RingOutcomeEstimator(25 * S, S / 4, 1000, 1000);
        for (int i = 0; i < 1000; i++) {
            r.record(i % 4 == 0 ? DialResult.ANSWERED : DialResult.NOT_ANSWERED, (i % 4 == 0 ? 8 : 3) * S);
        }
        assertEquals(0.25, r.answerProbability(), 0.03);
        assertEquals(0.25, r.newCallAnswerWithin(25 * S), 0.03);
        assertEquals(0.0, r.newCallAnswerWithin(5 * S), 1e-9);
    }

    @Test
    void callThatHasRungLongIsLessLikelyToBeAnswered() {
        RingOutcomeEstimator r = new RingOutcomeEstimator(25 * S, S / 4, 1000, 1000);
        for (int i = 0; i < 1000; i++) {
            if (i % 3 == 0) {
                r.record(DialResult.ANSWERED, (4 + i % 10) * S);
            } else {
                r.record(DialResult.RANG_OUT, 25 * S);
            }
        }
        double fresh = r.answerWithin(0, 25 * S);
        double late = r.answerWithin(12 * S, 25 * S);
        double past = r.answerWithin(20 * S, 25 * S);
        assertTrue(fresh > late && late > past, fresh + " > " + late + " > " + past);
        assertEquals(0.0, past, 1e-9);
    }

    @Test
    void ringEstimatorFollowsADriftingAnswerRate() {
        RingOutcomeEstimator r = new RingOutcomeEstimator(25 * S, S / 4, 200, 1000);
        for (int i = 0; i < 2000; i++) {
            r.record(i % 3 == 0 ? DialResult.ANSWERED : DialResult.NOT_ANSWERED, 5 * S);
        }
        for (int i = 0; i < 1000; i++) {
            r.record(i % 10 == 0 ? DialResult.ANSWERED : DialResult.NOT_ANSWERED, 5 * S);
        }
        assertEquals(0.10, r.answerProbability(), 0.03);
    }

    @Test
    void aSharpRiseInTheAnswerRateTakesOverWithinAFewDozenCalls() {
        RingOutcomeEstimator r = new RingOutcomeEstimator(25 * S, S / 4, 400, 1000);
        for (int i = 0; i < 3000; i++) {
            r.record(i % 20 == 0 ? DialResult.ANSWERED : DialResult.NOT_ANSWERED, (i % 20 == 0 ? 8 : 3) * S);
        }
        assertEquals(0.05, r.newCallAnswerWithin(25 * S), 0.01);
        assertTrue(!r.riseDetected());
        for (int i = 0; i < 32; i++) {
            r.record(i % 2 == 0 ? DialResult.ANSWERED : DialResult.NOT_ANSWERED, (i % 2 == 0 ? 8 : 3) * S);
        }
        double now = r.newCallAnswerWithin(25 * S);
        assertTrue(r.riseDetected());
        assertTrue(now > 0.25, "the recent 50% rate counts at once: " + now);
    }

    @Test
    void aFallInTheAnswerRateIsLeftToTheSlowMemory() {
        RingOutcomeEstimator r = new RingOutcomeEstimator(25 * S, S / 4, 400, 1000);
        for (int i = 0; i < 3000; i++) {
            r.record(i % 2 == 0 ? DialResult.ANSWERED : DialResult.NOT_ANSWERED, 5 * S);
        }
        for (int i = 0; i < 32; i++) {
            r.record(DialResult.NOT_ANSWERED, 3 * S);
        }
        assertTrue(!r.riseDetected());
        assertTrue(r.newCallAnswerWithin(25 * S) > 0.4, "a fall only makes the dialler cautious for a while");
    }

    @Test
    void holdingTimeEndsSoonerForAnAgentFurtherIntoIt() {
        HoldingTimeEstimator h = new HoldingTimeEstimator(600 * S, S, 1000);
        for (int i = 0; i < 500; i++) {
            h.record((60 + i % 120) * S);
        }
        double early = h.endWithin(10 * S, 20 * S);
        double late = h.endWithin(150 * S, 20 * S);
        assertTrue(late > early, late + " > " + early);
        assertEquals(0.0, early, 1e-9);
    }

    @Test
    void talksStillInProgressLengthenAnEarlyEstimate() {
        HoldingTimeEstimator finishedOnly = new HoldingTimeEstimator(600 * S, S, 400);
        HoldingTimeEstimator withCensored = new HoldingTimeEstimator(600 * S, S, 400);
        for (int i = 0; i < 4; i++) {
            finishedOnly.record((3 + i) * S);
            withCensored.record((3 + i) * S);
        }
        long[] inProgress = {40 * S, 40 * S, 40 * S, 40 * S, 40 * S, 40 * S, 40 * S, 40 * S};
        finishedOnly.refresh(inProgress, 0);
        withCensored.refresh(inProgress, inProgress.length);
        // Four short talks finished, eight are still going after 40 s: most talks are not short.
        assertEquals(1.0, finishedOnly.endWithin(0, 10 * S), 1e-9);
        assertEquals(4.0 / 12, withCensored.endWithin(0, 10 * S), 0.01, "finished ones weigh slightly less (decay)");
        assertEquals(0.0, withCensored.endWithin(45 * S, 10 * S), 1e-9, "beyond anything seen: not counted on");
    }

    @Test
    void agentReleaseAddsWrapUpToTheRestOfTheTalk() {
        HoldingTimeEstimator talk = new HoldingTimeEstimator(600 * S, S, 1000);
        HoldingTimeEstimator wrap = new HoldingTimeEstimator(600 * S, S, 1000);
        for (int i = 0; i < 200; i++) {
            talk.record(100 * S);
            wrap.record(10 * S);
        }
        AgentReleaseForecast f = new AgentReleaseForecast(talk, wrap, new long[] {5 * S, 17 * S, 30 * S});
        double[] at95 = f.talkingAgentFree(95 * S);
        // Talk ends about 5 s from now and wrap-up takes 10 s more: free by 17 s, not by 5 s.
        assertEquals(0.0, at95[0], 1e-9);
        assertEquals(1.0, at95[1], 1e-9);
        assertEquals(1.0, at95[2], 1e-9);
        assertEquals(1.0, f.wrappingAgentFree(5 * S, 1), 1e-9);
        assertEquals(0.0, f.wrappingAgentFree(0, 0), 1e-9);
    }

    @Test
    void gaussianMatchesKnownValues() {
        assertEquals(0.5, Gaussian.cdf(0), 1e-7);
        assertEquals(0.841344746, Gaussian.cdf(1), 1e-6);
        assertEquals(0.022750132, Gaussian.cdf(-2), 1e-6);
    }

    @Test
    void budgetTightensAfterAbandonsAndLoosensWhenUnderTarget() {
        AbandonBudget b = new AbandonBudget(0.03, 2, 0.7, 0.1, 0.25, 0.01);
        // 600 clean answers in ten minutes: 18 abandons earned, 9.4 of them held back against the hour's noise.
        for (int i = 0; i < 600; i++) {
            b.onAnswerHandled(i * S, false);
        }
        double loose = b.riskLimit();
        for (int i = 0; i < 15; i++) {
            b.onAnswerHandled((600 + i) * S, true);
        }
        double tight = b.riskLimit();
        assertTrue(loose > 0.1, "well under target the limit rises: " + loose);
        assertTrue(tight < loose / 2, "after overspending it falls: " + tight + " vs " + loose);
        assertTrue(b.surplus() < 0);
        assertEquals(15.0 / 615, b.abandonRate(), 1e-12);
    }

    @Test
    void answerRateSurvivesAWaveOfOutcomesLargerThanItsMemoryWhenSpannedToTheCallsInFlight() {
        RingOutcomeEstimator spanned = steadyRingEstimator();
        RingOutcomeEstimator unspanned = steadyRingEstimator();
        spanned.spanCallsInFlight(2000);
        // 2,000 calls dialled together (15% answered) resolve sorted by kind: failures, answers, then ring-outs.
        for (RingOutcomeEstimator r : new RingOutcomeEstimator[] {spanned, unspanned}) {
            recordMany(r, DialResult.NOT_ANSWERED, 3 * S, 300);
            recordMany(r, DialResult.ANSWERED, 8 * S, 300);
            recordMany(r, DialResult.RANG_OUT, 25 * S, 1400);
        }
        // A memory of 400 outcomes sees mostly the ring-outs at the end of the wave; one as long as the wave
        // still sees the list's rate.
        assertTrue(unspanned.answerProbability() < 0.06, "unspanned " + unspanned.answerProbability());
        assertEquals(0.15, spanned.answerProbability(), 0.03);
    }

    @Test
    void spanningNeverShortensTheMemory() {
        DecayingHistogram h = new DecayingHistogram(2, S, 400);
        h.lengthenHalfLife(100);
        assertEquals(400, h.halfLife());
        h.lengthenHalfLife(1000);
        assertEquals(1000, h.halfLife());
    }

    private static RingOutcomeEstimator steadyRingEstimator() {
        RingOutcomeEstimator r = new RingOutcomeEstimator(25 * S, S / 4, 400, 1000);
        for (int i = 0; i < 4000; i++) {
            DialResult result = i % 20 < 3 ? DialResult.ANSWERED : i % 20 < 6 ? DialResult.NOT_ANSWERED
                    : DialResult.RANG_OUT;
            r.record(result, result == DialResult.ANSWERED ? 8 * S : result == DialResult.NOT_ANSWERED ? 3 * S : 25 * S);
        }
        return r;
    }

    private static void recordMany(RingOutcomeEstimator r, DialResult result, long afterNanos, int count) {
        for (int i = 0; i < count; i++) {
            r.record(result, afterNanos);
        }
    }
}
