package io.pacer.simulator.scenario;

import java.util.Arrays;

/**
 * A scenario played faster, for load tests that must fit in minutes: every duration (ring, busy and failure
 * times, talk, wrap-up, the ring timeout, the connect limit, the times of the staffing and answer-rate steps, the
 * shift) divided by the speed, and the shift cut to a window. Probabilities and agent counts stay as they are.
 *
 * <p>What it cannot compress: the dialler's own rules and clocks. Pacer keeps a ring timeout of at least 15 s and a
 * connect limit of at least 100 ms whatever the scenario asks, decides at most every 200 ms, and SIP and the
 * machine take the same milliseconds at any speed; a compressed day shows them X times larger.
 */
public final class ScenarioSpeed {
    /** The fastest replay: a 2 s connect limit becomes 100 ms, Pacer's least. */
    public static final double MAX_SPEED = 20;

    private ScenarioSpeed() {
    }

    /**
     * {@code scenario} at {@code speed} (1..{@link #MAX_SPEED}), its shift cut to {@code windowNanos} of the compressed
     * time when that is shorter; steps that fall outside the window are dropped.
     */
    public static Scenario compressed(Scenario scenario, double speed, long windowNanos) {
        if (!(speed >= 1 && speed <= MAX_SPEED)) {
            throw new ScenarioException("speed", "must be within 1.." + (int) MAX_SPEED + ", was " + speed);
        }
        if (windowNanos <= 0) {
            throw new ScenarioException("minutes", "must be longer than 0");
        }
        long shift = Math.min(scale(scenario.shiftNanos(), speed), windowNanos);
        return new Scenario(scenario.name(), shift, scenario.seeds(), steps(scenario.agents(), speed, shift),
                steps(scenario.answerProbability(), speed, shift), scenario.busyProbability(),
                scenario.failureProbability(), scaled(scenario.ringTime(), speed), scaled(scenario.busyTime(), speed),
                scaled(scenario.failureTime(), speed), scale(scenario.noAnswerTimeoutNanos(), speed),
                scaled(scenario.talkTime(), speed), scaled(scenario.wrapTime(), speed), scenario.abandonTarget(),
                scale(scenario.connectLimitNanos(), speed));
    }

    private static long scale(long nanos, double speed) {
        return Math.max(1, Math.round(nanos / speed));
    }

    private static Steps steps(Steps steps, double speed, long shiftNanos) {
        long[] at = new long[steps.size()];
        double[] values = new double[steps.size()];
        int n = 0;
        for (int i = 0; i < steps.size(); i++) {
            long t = i == 0 ? 0 : scale(steps.atNanos(i), speed);
            if (t < shiftNanos) {
                at[n] = t;
                values[n++] = steps.value(i);
            }
        }
        return new Steps(Arrays.copyOf(at, n), Arrays.copyOf(values, n));
    }

    /** The same draws, each divided by the speed: contact by contact, the compressed day is the day, faster. */
    private static Distribution scaled(Distribution d, double speed) {
        return new Distribution() {
            @Override
            public long sampleNanos(double u1, double u2) {
                return Math.round(d.sampleNanos(u1, u2) / speed);
            }

            @Override
            public double meanNanos() {
                return d.meanNanos() / speed;
            }
        };
    }
}
