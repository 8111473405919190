package io.pacer.engine.core;

import io.pacer.engine.port.Clock;

/** Real time: {@link System#nanoTime()} for durations, {@link System#currentTimeMillis()} for the wall clock. */
public final class SystemClock implements Clock {
    /** The one instance. */
    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nowNanos() {
        return System.nanoTime();
    }

    @Override
    public long epochMillis() {
        return System.currentTimeMillis();
    }
}
