package io.pacer.simulator.scenario;

/**
 * A value that changes during the shift: steps {@code (at, value)} sorted by time, the first at 0. A plain
 * number is one step.
 */
public final class Steps {
    private final long[] atNanos;
    private final double[] values;

    /** Steps at the given times (ascending, first 0) with the given values. */
    public Steps(long[] atNanos, double[] values) {
        this.atNanos = atNanos.clone();
        this.values = values.clone();
    }

    /** One value for the whole shift. */
    public static Steps constant(double value) {
        return new Steps(new long[] {0}, new double[] {value});
    }

    /** The value in force at {@code tNanos} from the start of the shift. */
    public double valueAt(long tNanos) {
        int i = 0;
        while (i + 1 < atNanos.length && atNanos[i + 1] <= tNanos) {
            i++;
        }
        return values[i];
    }

    /** Number of steps. */
    public int size() {
        return atNanos.length;
    }

    /** Time of step {@code i}. */
    public long atNanos(int i) {
        return atNanos[i];
    }

    /** Value of step {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** Largest value over the shift. */
    public double max() {
        double m = values[0];
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
