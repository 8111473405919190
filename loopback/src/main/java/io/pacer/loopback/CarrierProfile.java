package io.pacer.loopback;

/**
 * How the virtual carrier's customers behave: with {@code answerProbability} a call is answered after a ring
 * time drawn from {@code ringMillis}, with {@code busyProbability} it is busy (486) after that ring time,
 * otherwise it rings until Pacer cancels it. An answered customer hangs up after {@code talkMillis}.
 *
 * @param answerProbability chance a call is answered, in [0, 1]
 * @param busyProbability   chance a call is busy, in [0, 1 - answerProbability]
 * @param ringMillis        ring time before the answer or the busy signal
 * @param talkMillis        how long an answered customer stays on the line
 */
public record CarrierProfile(double answerProbability, double busyProbability, LongSampler ringMillis,
                             LongSampler talkMillis) {

    /** Validates the probabilities. */
    public CarrierProfile {
        if (answerProbability < 0 || busyProbability < 0 || answerProbability + busyProbability > 1) {
            throw new IllegalArgumentException("answer and busy probabilities must be within [0, 1] and sum to at most 1");
        }
    }

    /** A typical consumer list: 35% answer after ~6 s, 10% busy, 25 s talk on average. */
    public static CarrierProfile typical() {
        return new CarrierProfile(0.35, 0.10, LongSampler.lognormal(6_000, 0.5), LongSampler.exponential(25_000));
    }
}
