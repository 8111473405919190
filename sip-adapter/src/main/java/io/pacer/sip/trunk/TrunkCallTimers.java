package io.pacer.sip.trunk;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The owner of the trunk leg's timers: each call's two {@link PendingTimer} slots (its call timer and its session
 * timer) and each trunk's refill tick.
 * The timer thread only publishes a wake-up ({@link TrunkWakeUps}); the worker acts on it if the call's
 * generation still matches.
 *
 * <p>A replaced timer is taken out of the executor's queue, not left to fire into a generation check: at a
 * thousand calls a second, ring timers left for answered calls would keep tens of thousands of dead tasks alive
 * through every young collection.
 */
final class TrunkCallTimers {

    /** How long a CANCEL may go without a final response before the call is given up (64 T1). */
    static final long CANCEL_GUARD_MILLIS = 32_000;

    private final ScheduledExecutorService executor;
    private final TrunkWakeUps wakeUps;

    TrunkCallTimers(ScheduledExecutorService executor, TrunkWakeUps wakeUps) {
        this.executor = executor;
        this.wakeUps = wakeUps;
    }

    /**
     * Sets the pending timer of {@code timer}'s slot, replacing the one before: the session slot for session
     * timers (they live beside the call's other timer: an abandon prompt may be playing), the call's slot else.
     */
    void arm(TrunkCall call, TrunkTimer timer, long delayMillis) {
        PendingTimer slot = slotOf(call, timer);
        slot.disarm();
        long callId = call.callId;
        long generation = slot.generation();
        slot.hold(executor.schedule(() -> wakeUps.timerDue(callId, timer, generation), delayMillis, TimeUnit.MILLISECONDS));
    }

    /** True when {@code generation} is the current one of {@code timer}'s slot: not replaced, not disarmed. */
    static boolean current(TrunkCall call, TrunkTimer timer, long generation) {
        return generation == slotOf(call, timer).generation();
    }

    private static PendingTimer slotOf(TrunkCall call, TrunkTimer timer) {
        return timer.session() ? call.sessionTimer : call.timer;
    }

    /** Wakes the worker when {@code trunk}'s budget has a token again, unless a wake-up is pending already. */
    void scheduleTick(TrunkState trunk) {
        if (!trunk.tickScheduled) {
            trunk.tickScheduled = true;
            executor.schedule(wakeUps::tickDue, trunk.nanosToNextToken(), TimeUnit.NANOSECONDS);
        }
    }
}
