package io.pacer.engine.core;

import io.pacer.engine.port.Clock;
import io.pacer.engine.port.Timers;

/**
 * Live timers without a timer thread: deadlines are kept in a {@link TimerQueue} on the core's thread and fired
 * by the core's event handler after each event, and when the ring's wait times out (every millisecond while no
 * event arrives), so a deadline fires within about a millisecond. The trade-off: no thread and no lock for
 * timers, against a wake-up of the core's thread every millisecond on a quiet ring.
 */
public final class PolledTimers implements Timers {
    private final Clock clock;
    private final TimerQueue queue = new TimerQueue(4096);
    private final EngineEvent timerEvent = new EngineEvent();

    /** Timers on the given clock. */
    public PolledTimers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void schedule(long deadlineNanos, int kind, long ref) {
        queue.add(deadlineNanos, kind, ref);
    }

    /** Fires every deadline that has passed into {@code core} (core thread). */
    public void fireDue(EngineCore core) {
        long now = clock.nowNanos();
        while (!queue.isEmpty() && queue.peekDeadline() <= now) {
            EngineEventTranslators.timer(timerEvent, queue.peekDeadline(), queue.peekKind(), queue.peekRef());
            queue.poll();
            core.dispatch(timerEvent);
        }
    }
}
