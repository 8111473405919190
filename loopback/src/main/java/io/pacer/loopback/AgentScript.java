package io.pacer.loopback;

import java.util.Random;

/**
 * What virtual agents do, and who wants to know: how long an agent wraps up after a customer (by the customer's
 * number, so that a replayed world gives each contact's agent the wrap-up the simulator drew for it), and the
 * moments an agent's phone logs in, is connected to a customer, starts wrapping up and says ready. The callbacks
 * come from the world's threads and must not block.
 */
public interface AgentScript {

    /** Wrap-up in milliseconds after agent {@code agent}'s customer {@code number} (null when unknown) left. */
    long wrapMillis(int agent, String number, Random random);

    /** Agent {@code agent}'s nailed-up session is up: it is logged in and waits for a customer. */
    default void loggedIn(int agent) {
    }

    /** Agent {@code agent} is connected to the customer {@code number}. */
    default void connected(int agent, String number) {
    }

    /** Agent {@code agent}'s customer left: it wraps up. */
    default void ended(int agent) {
    }

    /** Agent {@code agent} has said ready after its wrap-up. */
    default void ready(int agent) {
    }

    /** Wrap-ups drawn from {@code sampler}, whoever the customer was; no one listening. */
    static AgentScript sampled(LongSampler sampler) {
        return (agent, number, random) -> sampler.sampleMillis(random);
    }
}
