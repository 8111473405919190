package io.pacer.sip.trunk;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The owner of the trunk leg's timers: each call's one pending {@link TrunkTimer} and each trunk's refill tick.
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

    /** Sets the call's one pending timer, replacing the one before. */
    void arm(TrunkCall call, TrunkTimer timer, long delayMillis) {
        disarm(call);
        long callId = call.callId;
        long generation = call.timerGeneration;
        call.timer = executor.schedule(() -> wakeUps.timerDue(callId, timer, generation), delayMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Cancels the pending timer and moves the generation on, so that one already fired is ignored too. */
    void disarm(TrunkCall call) {
        call.timerGeneration++;
        if (call.timer != null) {
            call.timer.cancel(false);
            call.timer = null;
        }
    }

    /** True when {@code generation} is the call's current one for {@code timer}'s kind: not replaced, not disarmed. */
    static boolean current(TrunkCall call, TrunkTimer timer, long generation) {
        return generation == (timer.session() ? call.sessionGeneration : call.timerGeneration);
    }

    /** Sets the call's session timer, which lives beside its other timer (an abandon prompt may be playing). */
    void armSession(TrunkCall call, TrunkTimer timer, long delayMillis) {
        disarmSession(call);
        long callId = call.callId;
        long generation = call.sessionGeneration;
        call.sessionTimer = executor.schedule(() -> wakeUps.timerDue(callId, timer, generation), delayMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Cancels the session timer and moves its generation on. */
    void disarmSession(TrunkCall call) {
        call.sessionGeneration++;
        if (call.sessionTimer != null) {
            call.sessionTimer.cancel(false);
            call.sessionTimer = null;
        }
    }

    /** Wakes the worker when {@code trunk}'s budget has a token again, unless a wake-up is pending already. */
    void scheduleTick(TrunkState trunk) {
        if (!trunk.tickScheduled) {
            trunk.tickScheduled = true;
            executor.schedule(wakeUps::tickDue, trunk.nanosToNextToken(), TimeUnit.NANOSECONDS);
        }
    }
}
