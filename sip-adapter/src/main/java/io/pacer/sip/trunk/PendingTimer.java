package io.pacer.sip.trunk;

import java.util.concurrent.ScheduledFuture;

/**
 * One of a call's timer slots (its call timer, or its session timer beside it): the pending task, if any, and a
 * generation counted up at every disarm, so that a wake-up of a timer already replaced or disarmed is recognised
 * and ignored. Owned by the SIP worker thread.
 */
final class PendingTimer {

    private ScheduledFuture<?> pending;
    private long generation;

    /** The generation a timer armed now carries. */
    long generation() {
        return generation;
    }

    /** Holds the task just scheduled for the current generation. */
    void hold(ScheduledFuture<?> task) {
        pending = task;
    }

    /** Cancels the pending task and moves the generation on, so that one already fired is ignored too. */
    void disarm() {
        generation++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
