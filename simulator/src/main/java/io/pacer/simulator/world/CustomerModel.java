package io.pacer.simulator.world;

import io.pacer.engine.call.CallOutcome;
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

    /** How long contact {@code contactId} talks once bridged. */
    long talkNanos(long contactId) {
        return ContactFate.talkNanos(scenario, seed, contactId);
    }

    /** How long the agent wraps up after talking to contact {@code contactId}. */
    long wrapNanos(long contactId) {
        return ContactFate.wrapNanos(scenario, seed, contactId);
    }
}
