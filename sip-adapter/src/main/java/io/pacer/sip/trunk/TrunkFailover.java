package io.pacer.sip.trunk;

import io.pacer.sip.media.RtpRelay;
import java.util.function.Consumer;

/**
 * Sends a call again on the next of its campaign's trunks ({@link TrunkRoute}) when the one it tried gave no
 * answer about the number: 503 or 408, a transaction timeout with no response at all, or a transport error. The
 * contact is charged one attempt at most, for the call's last INVITE; the trunks already tried are skipped. A call
 * the engine wants cancelled (or a graceful stop) is never moved. SIP worker thread only.
 */
final class TrunkFailover {

    private final TrunkCalls calls;
    private final TrunkCallTimers timers;
    private final RtpRelay relay;
    private final TrunkAdmission admission;
    private final TrunkStats stats;
    private final Consumer<TrunkCall> sendInvite;

    TrunkFailover(TrunkCalls calls, TrunkCallTimers timers, RtpRelay relay, TrunkAdmission admission,
                  TrunkStats stats, Consumer<TrunkCall> sendInvite) {
        this.calls = calls;
        this.timers = timers;
        this.relay = relay;
        this.admission = admission;
        this.stats = stats;
        this.sendInvite = sendInvite;
    }

    /**
     * Moves {@code call}, whose INVITE on its trunk failed, to the next trunk of its route that can take it now,
     * and sends (or queues) its INVITE there. False, with the call untouched, when there is none: the caller then
     * ends the call as it would have without failover.
     */
    boolean moveOn(TrunkCall call) {
        if (call.cancelWanted || !calls.holds(call)) {
            return false;
        }
        long nowNanos = System.nanoTime();
        TrunkState next = call.route.pick(nowNanos, call.trunksTried);
        if (next == null) {
            return false;
        }
        stats.failovers++;
        call.timer.disarm();
        if (call.invite != null && call.invite.getDialog() != null) {
            // The early dialog of the failed INVITE: nothing else will ever end it.
            call.invite.getDialog().delete();
        }
        if (call.media != null) {
            relay.release(call.media);
            call.media = null;
        }
        calls.moveTo(call, next);
        call.trunksTried |= call.route.bit(next);
        call.invite = null;
        call.state = TrunkCall.State.QUEUED;
        call.provisional = false;
        call.ringingReported = false;
        call.authAttempts = 0;
        call.queuedNanos = 0;
        admission.inviteOrQueue(call, nowNanos, sendInvite);
        return true;
    }
}
