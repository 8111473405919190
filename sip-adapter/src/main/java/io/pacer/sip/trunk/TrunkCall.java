package io.pacer.sip.trunk;

import io.pacer.sip.media.RelayPort;
import io.pacer.sip.media.Sdp;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * The adapter's state of one customer call on a trunk, owned by the SIP worker thread. Public only as a type:
 * the worker recognises a carrier's dialog by it; its state is the trunk package's.
 */
public final class TrunkCall {

    /** Where a call is in its life on the wire. */
    enum State { QUEUED, DIALING, RINGING, ANSWERED, CANCELLING, ENDED }

    final long callId;
    final int campaignId;
    /** The campaign's trunks, for failover. */
    final TrunkRoute route;
    /** The trunk of the INVITE in flight: another of the route's after a failover. */
    TrunkState trunk;
    /** The route's trunks this call has tried ({@link TrunkRoute#bit}), so that a failover never goes back. */
    int trunksTried;
    final String number;
    final String callerId;
    final long ringTimeoutMillis;
    State state = State.QUEUED;
    ClientTransaction invite;
    /** A customer's call to Pacer (blending): the INVITE it sent, answered when an agent takes it; else {@code null}. */
    ServerTransaction inboundInvite;
    Dialog dialog;
    Request ack;
    RelayPort media;
    boolean provisional;
    boolean ringingReported;
    boolean cancelWanted;
    boolean cancelSent;
    int authAttempts;
    long answerNanos;
    /** When the dial joined its trunk's calls-per-second queue (0: never queued). */
    long queuedNanos;
    /** The call's pending {@link TrunkTimer} (post-dial, ring, cancel guard, abandon prompt), replaced as it moves on. */
    final PendingTimer timer = new PendingTimer();
    int agentId = -1;
    /** A message drop plays its message by then even if no beep was heard ({@link TrunkTimer#BEEP_WAIT}). */
    long beepWaitEndsNanos;
    long sdpVersion = 1;
    /** The o= line's session id: its own, so that a far end never takes a reused relay port for the same session. */
    final long sdpSessionId = Sdp.newSessionId();
    /** The RFC 4028 session interval in force, or 0 when the call has no session timer. */
    int sessionExpiresSeconds;
    /** Pacer sends the refreshes; otherwise it waits for the carrier's. */
    boolean pacerRefreshes;
    /** The carrier allows UPDATE, so refreshes need no SDP; otherwise re-INVITE. */
    boolean refreshByUpdate;
    /** Pacer's refresh waiting for its answer, or {@code null}. */
    ClientTransaction refresh;
    /** The session timer ({@link TrunkTimer#SESSION_REFRESH} or {@link TrunkTimer#SESSION_EXPIRED}), apart from {@link #timer}. */
    final PendingTimer sessionTimer = new PendingTimer();

    TrunkCall(long callId, int campaignId, TrunkRoute route, TrunkState trunk, String number, String callerId,
              long ringTimeoutMillis) {
        this.callId = callId;
        this.campaignId = campaignId;
        this.route = route;
        this.trunk = trunk;
        this.trunksTried = route.bit(trunk);
        this.number = number;
        this.callerId = callerId;
        this.ringTimeoutMillis = ringTimeoutMillis;
    }

    boolean ringing() {
        return state == State.DIALING || state == State.RINGING;
    }
}
