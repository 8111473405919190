package io.pacer.sip;

import io.pacer.sip.media.RelayPort;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.message.Request;

/** The adapter's state of one customer call on a trunk. Owned by the SIP worker thread. */
final class TrunkCall {
    static final int QUEUED = 0;
    static final int DIALING = 1;
    static final int RINGING = 2;
    static final int ANSWERED = 3;
    static final int CANCELLING = 4;
    static final int ENDED = 5;

    final long callId;
    final int campaignId;
    final TrunkState trunk;
    final String number;
    final String callerId;
    final long ringTimeoutMillis;
    int state = QUEUED;
    ClientTransaction invite;
    Dialog dialog;
    Request ack;
    RelayPort media;
    boolean provisional;
    boolean ringingReported;
    boolean cancelWanted;
    boolean cancelSent;
    int authAttempts;
    long answerNanos;
    long timerGeneration;
    /** The pending ring, prompt or cancel-guard timer, cancelled when the call moves on. */
    ScheduledFuture<?> timer;
    int agentId = -1;
    long sdpVersion = 1;

    TrunkCall(long callId, int campaignId, TrunkState trunk, String number, String callerId, long ringTimeoutMillis) {
        this.callId = callId;
        this.campaignId = campaignId;
        this.trunk = trunk;
        this.number = number;
        this.callerId = callerId;
        this.ringTimeoutMillis = ringTimeoutMillis;
    }
}
