package io.pacer.engine.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A latency histogram the core writes and other threads read (the core's share of answer-to-bridge): the core
 * records wait-free and without allocation into an HdrHistogram {@link Recorder}; readers take cumulative
 * snapshots. Values are nanoseconds, tracked from 1 µs to 1 hour with 3 significant digits.
 */
public final class LatencyRecorder {
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private final Recorder recorder = new Recorder(HIGHEST_NANOS, 3);
    private final Histogram total = new Histogram(HIGHEST_NANOS, 3);
    private Histogram interval;

    /** Records one latency (core thread). */
    public void recordNanos(long nanos) {
        recorder.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NANOS)));
    }

    /**
     * Folds what was recorded since the last call into the running total and returns a copy of the total.
     * Readers are rare (metrics scrapes, reports), so they take a lock here; the core never does.
     */
    public synchronized Histogram snapshot() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return total.copy();
    }

    /** Value at a percentile of everything recorded so far, in nanoseconds. */
    public long percentileNanos(double percentile) {
        return snapshot().getValueAtPercentile(percentile);
    }
}
