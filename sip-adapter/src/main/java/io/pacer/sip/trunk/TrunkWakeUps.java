package io.pacer.sip.trunk;

/**
 * How the trunk's timers reach the SIP worker thread, which owns every call: the timer thread calls these and
 * the implementation publishes the wake-up to the worker's ring and returns. The trunk package so stays free of
 * the ring's types.
 */
public interface TrunkWakeUps {

    /** {@code timer} of call {@code callId}, armed at {@code generation}, is due. */
    void timerDue(long callId, TrunkTimer timer, long generation);

    /** The calls-per-second budget of some trunk has refilled: INVITEs waiting for it may go out. */
    void tickDue();
}
