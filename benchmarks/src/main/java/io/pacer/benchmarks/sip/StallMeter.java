package io.pacer.benchmarks.sip;

import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The machine's own hiccups, measured beside Pacer in the same JVM, as jHiccup does: a thread that asks to sleep
 * for one millisecond, again and again, and records how much later than asked it woke up. It does no work, so
 * whatever delays it (the OS scheduler, the hypervisor taking the virtual CPU away, a JVM safepoint) delays
 * every thread of Pacer the same way. Read next to the answer-to-bridge tail it says which part of that tail is
 * the platform's: on a virtual machine whose vCPUs are descheduled for tens of milliseconds, no code can bridge
 * faster than this meter wakes.
 */
final class StallMeter implements AutoCloseable {

    private static final long ASKED_NANOS = 1_000_000;

    private final Recorder recorder = new Recorder(3);
    private final Thread thread;
    private volatile boolean running = true;

    StallMeter() {
        thread = new Thread(this::run, "stall-meter");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(ASKED_NANOS);
            long late = System.nanoTime() - before - ASKED_NANOS;
            recorder.recordValue(Math.max(0, late));
        }
    }

    /** The lateness recorded since the previous call (nanoseconds). */
    Histogram interval() {
        return recorder.getIntervalHistogram();
    }

    @Override
    public void close() {
        running = false;
    }
}
