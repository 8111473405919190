package io.pacer.sip;

import io.pacer.sip.trunk.TrunkTimer;
import io.pacer.sip.trunk.TrunkWakeUps;

/**
 * Publishes the trunk timers' wake-ups to the worker ring, from the timer thread, without allocating. A full
 * ring drops the wake-up and counts it as refused: a lost ring timeout or tick is the price of never blocking
 * the timer thread, as before.
 */
final class TrunkWakeUpPublisher implements TrunkWakeUps {

    private final SipWorkRing ring;

    TrunkWakeUpPublisher(SipWorkRing ring) {
        this.ring = ring;
    }

    @Override
    public void timerDue(long callId, TrunkTimer timer, long generation) {
        ring.publishTrunkTimer(callId, timer, generation);
    }

    @Override
    public void tickDue() {
        ring.publishTrunkTick();
    }
}
