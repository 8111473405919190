package io.pacer.pacing;

import static io.pacer.pacing.PolicyFixtures.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SimplePoliciesTest {
    private final PacingDecision out = new PacingDecision();

    @Test
    void progressivePlacesOneCallPerReadyAgentLessCallsInFlight() {
        new ProgressivePolicy().decide(input(5, 3, 1, 2), out);
        assertEquals(3, out.callsToPlace);
        assertEquals(1.0, out.callsPerReadyAgent);
    }

    @Test
    void progressiveCountsWaitingCallsAsInFlight() {
        PacingInput in = input(2, 0, 0, 0);
        in.waitingCalls = 2;
        new ProgressivePolicy().decide(in, out);
        assertEquals(0, out.callsToPlace);
    }

    @Test
    void progressiveRespectsChannelLimit() {
        PacingInput in = input(10, 0, 0, 2);
        in.channelLimit = 5;
        new ProgressivePolicy().decide(in, out);
        assertEquals(3, out.callsToPlace);
    }

    @Test
    void powerKeepsReadyTimesRatioPlusWrapTimesRatioInFlight() {
        // 10 ready x 1.7 + 5 wrap x 0.1 = 17.5 -> 17 calls, 4 already ringing.
        new PowerPolicy(1.7, 0.1).decide(input(10, 2, 5, 4), out);
        assertEquals(13, out.callsToPlace);
        assertEquals(1.7, out.callsPerReadyAgent);
        assertEquals(0.1, out.callsPerWrapAgent);
    }

    @Test
    void powerGivesALoneReadyAgentACall() {
        new PowerPolicy(1.0, 0.0).decide(input(1, 0, 0, 0), out);
        assertEquals(1, out.callsToPlace);
    }

    @Test
    void powerNeverPlacesNegativeCalls() {
        new PowerPolicy(1.2, 0.0).decide(input(1, 0, 0, 6), out);
        assertEquals(0, out.callsToPlace);
    }

    @Test
    void powerRejectsRatiosBelowOneCallPerReadyAgent() {
        assertThrows(IllegalArgumentException.class, () -> new PowerPolicy(0.5, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new PowerPolicy(1.5, -0.1));
    }

    @Test
    void adaptiveRaisesLevelWhileAgentsSitIdle() {
        AdaptiveDialLevelPolicy p = new AdaptiveDialLevelPolicy(0.03, 3.0);
        PacingInput in = input(5, 5, 0, 0);
        for (int s = 0; s <= 16; s++) {
            in.nowNanos = s * PolicyFixtures.S;
            p.decide(in, out);
        }
        // avg ready 5 of 10 active agents: level * (1 + 0.5).
        assertEquals(1.5, p.level(), 1e-9);
        in.nowNanos = 16 * PolicyFixtures.S;
        p.decide(in, out);
        // round(1.5 * (5 ready + 5 talking)) - (0 in flight + 5 talking) = 10.
        assertEquals(10, out.callsToPlace);
    }

    @Test
    void adaptiveHalvesLevelWhenMostCallsOfTheLastMinuteWereDropped() {
        AdaptiveDialLevelPolicy p = new AdaptiveDialLevelPolicy(0.03, 3.0);
        PacingInput in = input(10, 0, 0, 0);
        for (int s = 0; s <= 16; s++) {
            in.nowNanos = s * PolicyFixtures.S;
            p.decide(in, out);
        }
        assertEquals(2.0, p.level(), 1e-9);
        for (int i = 0; i < 30; i++) {
            p.onAnswerHandled(20 * PolicyFixtures.S, i % 3 != 0);
        }
        in.readyAgents = 0;
        in.addTalking(PolicyFixtures.S);
        for (int s = 17; s <= 30; s++) {
            in.nowNanos = s * PolicyFixtures.S;
            p.decide(in, out);
        }
        // At 30 s the samples 16..30 hold 10 ready of 24 agent-samples: level 2 x (1 + 10/24), then halved
        // because 20 of the last minute's 30 answers were dropped.
        assertEquals(2.0 * (1 + 10.0 / 24) / 2, p.level(), 1e-9);
    }

    @Test
    void adaptiveForgetsDropsOlderThanAMinute() {
        AdaptiveDialLevelPolicy p = new AdaptiveDialLevelPolicy(0.5, 3.0);
        PacingInput in = input(10, 0, 0, 0);
        for (int i = 0; i < 30; i++) {
            p.onAnswerHandled(0, i % 3 != 0);
        }
        for (int s = 0; s <= 90; s++) {
            in.nowNanos = s * PolicyFixtures.S;
            p.decide(in, out);
        }
        // The drops at 0 s halved the first adaptations only; with every agent idle the level climbs to its cap.
        assertEquals(3.0, p.level(), 1e-9);
    }

    @Test
    void adaptiveTapersTheLevelOnceTheDayIsOverTarget() {
        AdaptiveDialLevelPolicy p = new AdaptiveDialLevelPolicy(0.03, 3.0);
        PacingInput in = input(10, 0, 0, 0);
        for (int i = 0; i < 100; i++) {
            p.onAnswerHandled(0, i % 10 == 0);
        }
        for (int s = 100; s <= 116; s++) {
            in.nowNanos = s * PolicyFixtures.S;
            p.decide(in, out);
        }
        // Idle agents would double the level, but a 10% drop rate against 3% scales it by 0.3: 2 x 0.3 < 1.
        assertEquals(1.0, p.level(), 1e-9);
    }
}
