package io.pacer.simulator.world;

import io.pacer.engine.core.TimerQueue;
import io.pacer.engine.port.Clock;
import io.pacer.engine.port.Timers;

/**
 * Virtual time for a simulated shift, and the one queue of everything that will happen: the engine's own
 * timers and the simulated world's events (contacts answering, talks ending). The run loop pops the earliest
 * entry, sets the clock to it and delivers it, so a shift of hours runs in seconds, the same way every time.
 */
public final class VirtualClock implements Clock, Timers {
    /** Kinds at or above this belong to the world; below, to the engine. */
    public static final int WORLD_KINDS = 100;
    private final TimerQueue queue = new TimerQueue(1 << 14);
    private final long startEpochMillis;
    private long nowNanos;

    /** A clock at virtual 0, showing {@code startEpochMillis} on the wall. */
    public VirtualClock(long startEpochMillis) {
        this.startEpochMillis = startEpochMillis;
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    @Override
    public long epochMillis() {
        return startEpochMillis + nowNanos / 1_000_000L;
    }

    @Override
    public void schedule(long deadlineNanos, int kind, long ref) {
        queue.add(Math.max(deadlineNanos, nowNanos), kind, ref);
    }

    /** The queue the run loop drains. */
    public TimerQueue queue() {
        return queue;
    }

    /** Moves virtual time forward to {@code t} (never backward). */
    public void advanceTo(long t) {
        if (t > nowNanos) {
            nowNanos = t;
        }
    }
}
