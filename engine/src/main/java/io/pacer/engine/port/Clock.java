package io.pacer.engine.port;

/**
 * Time for the core: monotonic nanoseconds for durations and the wall clock for campaign hours.
 *
 * <p>The live engine reads the system clocks; the simulator advances virtual time, so the same core runs a
 * shift in seconds and deterministically.
 */
public interface Clock {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nowNanos();

    /** Wall-clock time in milliseconds since the epoch (campaign hours, records). */
    long epochMillis();
}
