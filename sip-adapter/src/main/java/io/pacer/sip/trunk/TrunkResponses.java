package io.pacer.sip.trunk;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.EngineInput;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.MediaAnalysis;
import io.pacer.sip.media.Sdp;
import java.net.InetSocketAddress;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What the carrier answers to our INVITEs, CANCELs and BYEs, turned into engine events: ringing (180/183, with
 * early media), answered (2xx, ACKed at once, the start of answer-to-bridge), rejected ({@link FinalResponses}),
 * and the transaction timeouts. SIP worker thread only.
 */
final class TrunkResponses {

    private final TrunkCalls calls;
    private final TrunkSignalling signalling;
    private final TrunkDigest digest;
    private final TrunkCallTimers timers;
    private final BridgeIndex index;
    private final EngineInput input;
    private final TrunkStats stats;
    private final SessionTimers sessions;
    private final TrunkFailover failover;
    private final TrunkProbes probes;

    TrunkResponses(TrunkCalls calls, TrunkSignalling signalling, TrunkDigest digest, TrunkCallTimers timers,
                   BridgeIndex index, EngineInput input, TrunkStats stats, SessionTimers sessions,
                   TrunkFailover failover, TrunkProbes probes) {
        this.sessions = sessions;
        this.failover = failover;
        this.probes = probes;
        this.calls = calls;
        this.signalling = signalling;
        this.digest = digest;
        this.timers = timers;
        this.index = index;
        this.input = input;
        this.stats = stats;
    }

    void response(ResponseEvent e, long arrivalNanos) throws Exception {
        Response r = e.getResponse();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        ClientTransaction ct = e.getClientTransaction();
        if (ct == null) {
            // A retransmitted 2xx: our ACK was lost, so send it again.
            Dialog d = e.getDialog();
            if (d != null && d.getApplicationData() instanceof TrunkCall call && call.ack != null
                    && Request.INVITE.equals(cseq.getMethod()) && r.getStatusCode() / 100 == 2) {
                d.sendAck(call.ack);
            }
            return;
        }
        if (ct.getApplicationData() instanceof TrunkCall refreshed && ct == refreshed.refresh) {
            sessions.refreshAnswered(refreshed, e);
            return;
        }
        if (probes.answered(ct, r.getStatusCode())) {
            return;
        }
        if (!Request.INVITE.equals(cseq.getMethod())) {
            if (r.getStatusCode() >= 200) {
                // A BYE's or CANCEL's final response leaves nothing to do; the stack would keep the transaction
                // for Timer K (5 s) only to swallow retransmitted responses, which it drops as strays anyway.
                TrunkSignalling.terminate(ct);
            }
            return;
        }
        if (!(ct.getApplicationData() instanceof TrunkCall call) || ct != call.invite) {
            // Not the call's INVITE in flight: a retransmitted answer to one it failed over from.
            return;
        }
        int status = r.getStatusCode();
        if (status < 200) {
            provisional(call, e, status);
        } else if (status < 300) {
            answered(call, e, cseq.getSeqNumber(), arrivalNanos);
        } else {
            rejected(call, ct, r, status);
        }
    }

    private void provisional(TrunkCall call, ResponseEvent e, int status) {
        call.provisional = true;
        if ((status == 180 || status == 183) && !call.ringingReported) {
            call.ringingReported = true;
            input.callRinging(call.callId);
            if (call.state == TrunkCall.State.DIALING) {
                call.state = TrunkCall.State.RINGING;
                // The ring time counts from here, not from the INVITE: a post-dial delay must not eat it.
                if (!call.cancelWanted) {
                    timers.arm(call, TrunkTimer.RING_TIMEOUT, call.ringTimeoutMillis);
                }
            }
            InetSocketAddress early = Sdp.audioTarget(e.getResponse().getRawContent());
            if (early != null) {
                call.media.remote(early);
            }
        }
        if (call.cancelWanted && !call.cancelSent) {
            signalling.sendCancel(call);
        }
    }

    private void answered(TrunkCall call, ResponseEvent e, long cseqNumber, long arrivalNanos) throws Exception {
        Dialog dialog = e.getDialog();
        if (dialog == null) {
            return;
        }
        Request ack = dialog.createAck(cseqNumber);
        if (call.state == TrunkCall.State.ANSWERED) {
            dialog.sendAck(ack);
            return;
        }
        call.dialog = dialog;
        call.ack = ack;
        dialog.setApplicationData(call);
        if (call.state == TrunkCall.State.CANCELLING || call.state == TrunkCall.State.ENDED || call.cancelWanted) {
            // The 200 crossed our CANCEL: the call exists now, so it must be acknowledged and then ended.
            dialog.sendAck(ack);
            signalling.sendBye(call);
            stats.cancelRaces++;
            calls.finish(call, CallOutcome.NO_ANSWER);
            return;
        }
        call.state = TrunkCall.State.ANSWERED;
        call.answerNanos = arrivalNanos;
        call.timer.disarm();
        InetSocketAddress target = Sdp.audioTarget(e.getResponse().getRawContent());
        if (target != null) {
            call.media.remote(target);
        }
        call.media.timeFirstForwardFrom(arrivalNanos);
        MediaAnalysis analysis = call.media.analysis();
        if (analysis != null) {
            analysis.answered();
        }
        index.putCall(call.callId, call.media, arrivalNanos);
        stats.answered++;
        // The engine hears of the answer before the ACK leaves: the bridge is the latency that matters.
        input.callAnswered(call.callId);
        dialog.sendAck(ack);
        sessions.answered(call, e.getResponse());
        // The INVITE transaction is done once the 2xx is acknowledged (RFC 3261 17.1.1.2), but the stack keeps
        // it, and its 500 ms timer task, for 32 s: at a thousand calls a second that is 64,000 timer runs a
        // second for transactions that have nothing left to do. A retransmitted 2xx still finds the dialog and
        // is ACKed again in response() above.
        TrunkSignalling.terminate(call.invite);
    }

    private void rejected(TrunkCall call, ClientTransaction ct, Response r, int status) throws Exception {
        if (TrunkDigest.answers(call, status)) {
            digest.retry(call, ct, r);
            stats.authRetries++;
            return;
        }
        if (status == 503) {
            Header h = r.getHeader(RetryAfterHeader.NAME);
            if (h instanceof RetryAfterHeader retryAfter && retryAfter.getRetryAfter() > 0) {
                call.trunk.backoffUntilNanos = System.nanoTime() + retryAfter.getRetryAfter() * 1_000_000_000L;
                stats.backoffs++;
            }
        }
        if ((status == 503 || status == 408) && failover.moveOn(call)) {
            // The carrier said nothing about the number: the next trunk tries it, for one attempt in all.
            return;
        }
        calls.finish(call, FinalResponses.outcomeOf(status, call.cancelSent));
    }

    /**
     * The INVITE transaction of a call not yet answered timed out: no final response ever came. With no response
     * at all the carrier never had the call (its trunk is likely dead): the next trunk tries it, or it goes back
     * to the engine untouched; after a provisional response it rang, and ends unanswered.
     */
    void timeout(ClientTransaction ct) {
        if (ct.getApplicationData() instanceof TrunkCall refreshed && ct == refreshed.refresh) {
            sessions.refreshTimedOut(refreshed);
            return;
        }
        if (probes.timedOut(ct)) {
            return;
        }
        if (ct.getApplicationData() instanceof TrunkCall call && ct == call.invite
                && call.state != TrunkCall.State.ANSWERED && calls.holds(call)) {
            stats.timeouts++;
            if (!call.provisional && !call.cancelSent) {
                if (!failover.moveOn(call)) {
                    calls.unplace(call, TrunkSignalling.TRUNK_DOWN_HOLD_MILLIS);
                }
                return;
            }
            calls.finish(call, call.cancelSent ? CallOutcome.NO_ANSWER : CallOutcome.FAILURE);
        }
    }
}
