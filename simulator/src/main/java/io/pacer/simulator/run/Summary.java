package io.pacer.simulator.run;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Runs of one policy on one scenario over several seeds: the mean of every figure with its spread (standard
 * deviation, minimum, maximum), and how many seeds ended over the abandonment target.
 */
public record Summary(String scenario, String policy, double abandonTarget, List<RunResult> runs) {

    /** Mean of a figure over the seeds. */
    public double mean(ToDoubleFunction<RunResult> f) {
        return runs.stream().mapToDouble(f).average().orElse(0);
    }

    /** Sample standard deviation of a figure over the seeds. */
    public double sd(ToDoubleFunction<RunResult> f) {
        if (runs.size() < 2) {
            return 0;
        }
        double m = mean(f);
        double ss = runs.stream().mapToDouble(r -> (f.applyAsDouble(r) - m) * (f.applyAsDouble(r) - m)).sum();
        return Math.sqrt(ss / (runs.size() - 1));
    }

    /** Smallest value of a figure over the seeds. */
    public double min(ToDoubleFunction<RunResult> f) {
        return runs.stream().mapToDouble(f).min().orElse(0);
    }

    /** Largest value of a figure over the seeds. */
    public double max(ToDoubleFunction<RunResult> f) {
        return runs.stream().mapToDouble(f).max().orElse(0);
    }

    /** Seeds whose whole-shift abandonment rate ended above the target. */
    public long seedsOverTarget() {
        return runs.stream().filter(r -> r.abandonRate() > abandonTarget + 1e-12).count();
    }

    /** Share of seeds at or under the target. */
    public double shareUnderTarget() {
        return runs.isEmpty() ? 0 : 1.0 - (double) seedsOverTarget() / runs.size();
    }

    /** Sum of a count over the seeds. */
    public long total(java.util.function.ToLongFunction<RunResult> f) {
        return runs.stream().mapToLong(f).sum();
    }

    /** Engine events handled per wall-clock second, over all seeds. */
    public double eventsPerSecond() {
        double wall = runs.stream().mapToDouble(RunResult::wallSeconds).sum();
        return wall == 0 ? 0 : total(RunResult::events) / wall;
    }
}
