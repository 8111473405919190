package io.pacer.simulator.world;

import io.pacer.engine.call.CallOutcome;
import io.pacer.simulator.scenario.AmdModel;
import io.pacer.simulator.scenario.Scenario;

/**
 * How the people dialled behave: whether a contact answers, is busy, fails or lets it ring, after how long,
 * and how long the conversation and the agent's wrap-up last. Every draw is addressed by (seed, contact,
 * purpose) through {@link Draws}, so a contact behaves the same under every policy and the comparison is paired.
 */
final class CustomerModel {
    static final byte PLAN_ANSWER = 1;
    static final byte PLAN_BUSY = 2;
    static final byte PLAN_FAIL = 3;
    static final byte PLAN_RING_OUT = 4;
    /** Answered by a machine (docs/scenarios.md, "Answering machines"). */
    static final byte PLAN_MACHINE = 5;
    /** The shortest conversation: a bridged call always lasts a moment. */
    private static final long MIN_TALK_NANOS = 1_000_000L;

    private final Scenario scenario;
    private final long seed;
    private final VirtualClock clock;

    CustomerModel(Scenario scenario, long seed, VirtualClock clock) {
        this.scenario = scenario;
        this.seed = seed;
        this.clock = clock;
    }

    /**
     * Decides what contact {@code contactId} does with call {@code id} dialled at {@code nowNanos}, schedules the
     * answer or the failure it leads to (a ring-out is the engine's timeout, nothing to schedule) and returns
     * the plan.
     */
    byte planCall(long id, long contactId, long nowNanos, long ringTimeoutNanos) {
        double u = Draws.uniform(seed, contactId, 1);
        double pAnswer = scenario.answerProbability().valueAt(nowNanos);
        if (u < pAnswer) {
            long ring = scenario.ringTime().sampleNanos(Draws.uniform(seed, contactId, 2),
                    Draws.uniform(seed, contactId, 3));
            if (ring >= ringTimeoutNanos) {
                return PLAN_RING_OUT;
            }
            clock.schedule(nowNanos + ring, SimulatedWorld.CALL_ANSWER, id);
            return Draws.uniform(seed, contactId, 8) < scenario.amd().machineShare() ? PLAN_MACHINE : PLAN_ANSWER;
        }
        if (u < pAnswer + scenario.busyProbability()) {
            long t = scenario.busyTime().sampleNanos(Draws.uniform(seed, contactId, 2),
                    Draws.uniform(seed, contactId, 3));
            clock.schedule(nowNanos + Math.min(t, ringTimeoutNanos - 1), SimulatedWorld.CALL_FAIL, id);
            return PLAN_BUSY;
        }
        if (u < pAnswer + scenario.busyProbability() + scenario.failureProbability()) {
            long t = scenario.failureTime().sampleNanos(Draws.uniform(seed, contactId, 2),
                    Draws.uniform(seed, contactId, 3));
            clock.schedule(nowNanos + Math.min(t, ringTimeoutNanos - 1), SimulatedWorld.CALL_FAIL, id);
            return PLAN_FAIL;
        }
        return PLAN_RING_OUT;
    }

    /** What the carrier reports for a call that failed under {@code plan}. */
    static CallOutcome failureOutcome(byte plan) {
        return switch (plan) {
            case PLAN_BUSY -> CallOutcome.BUSY;
            case PLAN_FAIL -> CallOutcome.FAILURE;
            default -> CallOutcome.NO_ANSWER;
        };
    }

    /**
     * Whether the detector classes the answerer of contact {@code contactId} a machine: a machine unless missed
     * (false negative), a person only by mistake (false positive).
     */
    boolean classedMachine(long contactId, boolean machine) {
        double u = Draws.uniform(seed, contactId, 9);
        AmdModel m = scenario.amd();
        return machine ? u >= m.falseNegative() : u < m.falsePositive();
    }

    /** From the answer to the detector's verdict on contact {@code contactId}'s answerer. */
    long verdictDelayNanos(long contactId, boolean machine) {
        AmdModel m = scenario.amd();
        return (machine ? m.machineDelay() : m.humanDelay()).sampleNanos(Draws.uniform(seed, contactId, 10),
                Draws.uniform(seed, contactId, 11));
    }

    /** How long contact {@code contactId} talks once bridged; a machine, as long as its agent listens to it. */
    long talkNanos(long contactId, boolean machine) {
        if (machine) {
            return Math.max(MIN_TALK_NANOS, scenario.amd().machineTalkTime().sampleNanos(
                    Draws.uniform(seed, contactId, 4), Draws.uniform(seed, contactId, 5)));
        }
        return talkNanos(contactId);
    }

    /** How long contact {@code contactId} talks once bridged. */
    long talkNanos(long contactId) {
        return Math.max(MIN_TALK_NANOS, scenario.talkTime().sampleNanos(Draws.uniform(seed, contactId, 4),
                Draws.uniform(seed, contactId, 5)));
    }

    /** How long the agent wraps up after talking to contact {@code contactId}. */
    long wrapNanos(long contactId) {
        return Math.max(0, scenario.wrapTime().sampleNanos(Draws.uniform(seed, contactId, 6),
                Draws.uniform(seed, contactId, 7)));
    }
}
