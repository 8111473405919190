package io.pacer.simulator.world;

import io.pacer.simulator.scenario.Scenario;

/**
 * What one contact of a scenario and seed does when dialled: answers after a ring, is busy, fails, or lets it ring
 * until the dialler gives up; how long it talks once bridged; how long its agent wraps up afterwards. The
 * simulator's customers ({@link CustomerModel}) and the SIP replay's exported carrier both read it, so the
 * replayed world is the simulated one, contact by contact, whatever order a dialler calls in.
 *
 * @param plan       one of {@link #ANSWER}, {@link #BUSY}, {@link #FAIL}, {@link #RING_OUT}
 * @param delayNanos from the dial to the answer, the busy or the failure answer (0 for a ring-out)
 * @param talkNanos  conversation length once bridged
 * @param wrapNanos  the agent's wrap-up after the conversation
 */
public record ContactFate(byte plan, long delayNanos, long talkNanos, long wrapNanos) {
    /** Answered by a person after {@link #delayNanos}. */
    public static final byte ANSWER = 1;
    /** Busy (SIP 486) after {@link #delayNanos}. */
    public static final byte BUSY = 2;
    /** A network failure or an invalid number after {@link #delayNanos}. */
    public static final byte FAIL = 3;
    /** Rings until the dialler's ring timeout. */
    public static final byte RING_OUT = 4;
    /** The shortest conversation: a bridged call always lasts a moment. */
    private static final long MIN_TALK_NANOS = 1_000_000L;

    /**
     * The fate of {@code contactId} under {@code scenario} and {@code seed}, dialled {@code dialNanos} into the shift
     * (the answer probability may change during it): a drawn ring time at or past {@code ringOutNanos} is a
     * ring-out, and a busy or failure answer that would come after it comes just before it.
     */
    public static ContactFate draw(Scenario scenario, long seed, long contactId, long dialNanos, long ringOutNanos) {
        byte plan = plan(scenario, seed, contactId, dialNanos, ringOutNanos);
        return new ContactFate(plan, delayNanos(scenario, seed, contactId, plan, ringOutNanos),
                talkNanos(scenario, seed, contactId), wrapNanos(scenario, seed, contactId));
    }

    /** The plan of {@link #draw} alone (allocates nothing: the simulator calls it for every dial). */
    public static byte plan(Scenario scenario, long seed, long contactId, long dialNanos, long ringOutNanos) {
        double u = Draws.uniform(seed, contactId, 1);
        double pAnswer = scenario.answerProbability().valueAt(dialNanos);
        if (u < pAnswer) {
            long ring = scenario.ringTime().sampleNanos(Draws.uniform(seed, contactId, 2),
                    Draws.uniform(seed, contactId, 3));
            return ring >= ringOutNanos ? RING_OUT : ANSWER;
        }
        if (u < pAnswer + scenario.busyProbability()) {
            return BUSY;
        }
        return u < pAnswer + scenario.busyProbability() + scenario.failureProbability() ? FAIL : RING_OUT;
    }

    /** The delay of {@link #draw} for a contact whose plan is {@code plan}. */
    public static long delayNanos(Scenario scenario, long seed, long contactId, byte plan, long ringOutNanos) {
        double u2 = Draws.uniform(seed, contactId, 2);
        double u3 = Draws.uniform(seed, contactId, 3);
        return switch (plan) {
            case ANSWER -> scenario.ringTime().sampleNanos(u2, u3);
            case BUSY -> Math.min(scenario.busyTime().sampleNanos(u2, u3), ringOutNanos - 1);
            case FAIL -> Math.min(scenario.failureTime().sampleNanos(u2, u3), ringOutNanos - 1);
            default -> 0;
        };
    }

    /** How long contact {@code contactId} talks once bridged. */
    public static long talkNanos(Scenario scenario, long seed, long contactId) {
        return Math.max(MIN_TALK_NANOS, scenario.talkTime().sampleNanos(Draws.uniform(seed, contactId, 4),
                Draws.uniform(seed, contactId, 5)));
    }

    /** How long the agent wraps up after talking to contact {@code contactId}. */
    public static long wrapNanos(Scenario scenario, long seed, long contactId) {
        return Math.max(0, scenario.wrapTime().sampleNanos(Draws.uniform(seed, contactId, 6),
                Draws.uniform(seed, contactId, 7)));
    }
}
