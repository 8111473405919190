package io.pacer.loopback;

import java.util.Random;

/**
 * A distribution of durations in milliseconds for the virtual world (ring time, talk time, wrap-up). The
 * launcher may adapt the simulator's distributions to it; the few here are enough for the demo.
 */
@FunctionalInterface
public interface LongSampler {

    /** Draws one value, in milliseconds, never negative. */
    long sampleMillis(Random random);

    /** Always {@code millis}. */
    static LongSampler fixed(long millis) {
        return r -> millis;
    }

    /** Uniform within {@code [minMillis, maxMillis]}. */
    static LongSampler uniform(long minMillis, long maxMillis) {
        return r -> minMillis + (long) (r.nextDouble() * (maxMillis - minMillis));
    }

    /** Exponential with the given mean (memoryless: talk and wrap times in most dialer models). */
    static LongSampler exponential(double meanMillis) {
        return r -> (long) (-meanMillis * Math.log(1 - r.nextDouble()));
    }

    /** Log-normal with the given median and shape (ring times: most short, a long tail). */
    static LongSampler lognormal(double medianMillis, double sigma) {
        return r -> (long) (medianMillis * Math.exp(sigma * r.nextGaussian()));
    }
}
