package io.pacer.simulator.run;

import io.pacer.engine.core.DirectEngineInput;
import io.pacer.engine.core.TimerQueue;
import io.pacer.simulator.world.SimulatedWorld;
import io.pacer.simulator.world.VirtualClock;

/**
 * The one event loop of a simulated shift, shared by {@link Simulation} and {@link MultiDaySimulation}: takes the
 * earliest deadline from the virtual clock's queue, moves time to it and hands it to the world (customers,
 * agents) or, as a timer event, to the core, until the shift ends; then closes the shift's statistics. Nothing is
 * allocated per event: this loop is the simulator's hot path.
 */
final class ShiftLoop {

    private ShiftLoop() {
    }

    /** Runs the shift to {@code endNanos} with nothing done between events. */
    static void run(VirtualClock clock, SimulatedWorld world, DirectEngineInput input, long endNanos) {
        run(clock, world, input, endNanos, Long.MAX_VALUE, null);
    }

    /**
     * Runs the shift to {@code endNanos}; {@code change} runs once, before the first event at or after
     * {@code changeAtNanos} (a supervisor's live edit).
     */
    static void run(VirtualClock clock, SimulatedWorld world, DirectEngineInput input, long endNanos, long changeAtNanos,
            Runnable change) {
        TimerQueue queue = clock.queue();
        boolean changed = change == null;
        while (!queue.isEmpty() && queue.peekDeadline() <= endNanos) {
            long t = queue.peekDeadline();
            int kind = queue.peekKind();
            long ref = queue.peekRef();
            queue.poll();
            clock.advanceTo(t);
            if (!changed && t >= changeAtNanos) {
                change.run();
                changed = true;
            }
            if (kind >= VirtualClock.WORLD_KINDS) {
                world.handle(kind, ref);
            } else {
                input.timer(kind, ref);
            }
        }
        clock.advanceTo(endNanos);
        world.closeShift(endNanos);
    }
}
