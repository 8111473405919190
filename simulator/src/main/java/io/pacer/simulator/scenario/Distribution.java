package io.pacer.simulator.scenario;

/**
 * A distribution of durations, sampled from uniform numbers that the caller supplies. Taking the uniforms as
 * arguments (rather than a random generator) lets the simulator give every contact the same draws under every
 * policy, so that policies are compared on the same day.
 */
public interface Distribution {

    /** A duration in nanoseconds from two independent uniforms in (0, 1). */
    long sampleNanos(double u1, double u2);

    /** Mean in nanoseconds. */
    double meanNanos();

    /** Always {@code valueNanos}. */
    static Distribution constant(long valueNanos) {
        return new Distribution() {
            @Override
            public long sampleNanos(double u1, double u2) {
                return valueNanos;
            }

            @Override
            public double meanNanos() {
                return valueNanos;
            }
        };
    }

    /** Uniform between {@code minNanos} and {@code maxNanos}. */
    static Distribution uniform(long minNanos, long maxNanos) {
        return new Distribution() {
            @Override
            public long sampleNanos(double u1, double u2) {
                return minNanos + (long) ((maxNanos - minNanos) * u1);
            }

            @Override
            public double meanNanos() {
                return (minNanos + maxNanos) / 2.0;
            }
        };
    }

    /** Exponential with the given mean. */
    static Distribution exponential(double meanNanos) {
        return new Distribution() {
            @Override
            public long sampleNanos(double u1, double u2) {
                return (long) (-meanNanos * Math.log(u1));
            }

            @Override
            public double meanNanos() {
                return meanNanos;
            }
        };
    }

    /** Log-normal with the given mean and standard deviation (of the duration itself, not of its log). */
    static Distribution lognormal(double meanNanos, double sdNanos) {
        double sigma2 = Math.log(1.0 + (sdNanos * sdNanos) / (meanNanos * meanNanos));
        double sigma = Math.sqrt(sigma2);
        double mu = Math.log(meanNanos) - sigma2 / 2.0;
        return new Distribution() {
            @Override
            public long sampleNanos(double u1, double u2) {
                double z = Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
                return (long) Math.exp(mu + sigma * z);
            }

            @Override
            public double meanNanos() {
                return meanNanos;
            }
        };
    }
}
