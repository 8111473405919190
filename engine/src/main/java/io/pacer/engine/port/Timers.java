package io.pacer.engine.port;

/**
 * Deadlines the core asks to be woken up at. When a deadline passes, the implementation publishes a timer
 * event ({@link io.pacer.engine.core.EngineInput#timer(int, long)}) with the same kind and reference.
 *
 * <p>Timers are never cancelled: the core checks, when a timer fires, whether what it guarded still holds
 * (a call id carries a generation, so a stale timer finds nothing). That keeps the port small and the
 * implementation free of bookkeeping.
 */
public interface Timers {

    /** Asks for a timer event at or soon after {@code deadlineNanos} on the {@link Clock#nowNanos()} scale. */
    void schedule(long deadlineNanos, int kind, long ref);
}
