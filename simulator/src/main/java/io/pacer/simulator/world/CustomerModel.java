package io.pacer.simulator.world;

import io.pacer.engine.call.CallOutcome;
import io.pacer.simulator.scenario.AmdModel;
import io.pacer.simulator.scenario.Scenario;

/**
 * How the people dialled behave: whether a contact answers, is busy, fails or lets it ring, after how long,
 * and how long the conversation and the agent's wrap-up last, as {@link ContactFate} draws them: every draw is
 * addressed by (seed, contact, purpose) through {@link Draws}, so a contact behaves the same under every policy and
 * the comparison is paired.
 */
final class CustomerModel {
    static final byte PLAN_ANSWER = ContactFate.ANSWER;
    static final byte PLAN_BUSY = ContactFate.BUSY;
    static final byte PLAN_FAIL = ContactFate.FAIL;
    static final byte PLAN_RING_OUT = ContactFate.RING_OUT;
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
     * the plan. A ring time at or past the scenario's own ring timeout rings out even when the engine waits longer
     * (a scenario compressed for a replay keeps the engine's legal minimum of 15 s).
     */
    byte planCall(long id, long contactId, long nowNanos, long ringTimeoutNanos) {
        long ringOut = Math.min(ringTimeoutNanos, scenario.noAnswerTimeoutNanos());
        byte plan = ContactFate.plan(scenario, seed, contactId, nowNanos, ringOut);
        long delay = ContactFate.delayNanos(scenario, seed, contactId, plan, ringOut);
        switch (plan) {
            case ContactFate.ANSWER -> clock.schedule(nowNanos + delay, SimulatedWorld.CALL_ANSWER, id);
            case ContactFate.BUSY, ContactFate.FAIL -> clock.schedule(nowNanos + delay, SimulatedWorld.CALL_FAIL, id);
            default -> { }
        }
        // A machine answers as a person would; the world tells them apart (the same draw under every policy).
        if (plan == ContactFate.ANSWER && Draws.uniform(seed, contactId, 8) < scenario.amd().machineShare()) {
            return PLAN_MACHINE;
        }
        return plan;
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
        return ContactFate.talkNanos(scenario, seed, contactId);
    }

    /** How long the agent wraps up after talking to contact {@code contactId}. */
    long wrapNanos(long contactId) {
        return ContactFate.wrapNanos(scenario, seed, contactId);
    }
}
