package io.pacer.sip.trunk;

import io.pacer.sip.media.Sdp;
import io.pacer.sip.stack.SessionExpires;
import io.pacer.sip.stack.SipEndpoint;
import java.util.ListIterator;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.AllowHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * RFC 4028 session timers on the carrier leg. Pacer is the UAC of the call, so a 2xx saying
 * {@code refresher=uac} (or naming nobody) makes Pacer the refresher: it sends an UPDATE (a re-INVITE when the
 * carrier does not allow UPDATE) at 0.45 of the interval, raises the interval on a 422 with Min-SE, and hangs up
 * when a refresh gets 481/408 or times out. With {@code refresher=uas} the carrier refreshes, and a call whose
 * refresh does not come before the interval ends less a third (at most 32 s, RFC 4028 section 10) is hung up:
 * BYE to the carrier, {@code callEnded} to the engine. SIP worker thread only.
 */
final class SessionTimers {

    private static final Logger LOG = Logger.getLogger(SessionTimers.class.getName());
    /** After a refresh failed for another reason (491 glare, 5xx): try again this soon, still inside the interval. */
    private static final long RETRY_MILLIS = 1_000;

    private final SipEndpoint sip;
    private final TrunkCalls calls;
    private final TrunkSignalling signalling;
    private final TrunkCallTimers timers;
    private final TrunkStats stats;

    SessionTimers(SipEndpoint sip, TrunkCalls calls, TrunkSignalling signalling, TrunkCallTimers timers,
                  TrunkStats stats) {
        this.sip = sip;
        this.calls = calls;
        this.signalling = signalling;
        this.timers = timers;
        this.stats = stats;
    }

    /** The carrier's 2xx to our INVITE: the session timer it set up, if any, starts now. */
    void answered(TrunkCall call, Response ok) {
        SessionExpires se = SessionExpires.of(ok);
        if (se == null) {
            return;
        }
        call.refreshByUpdate = allows(ok, Request.UPDATE);
        start(call, se.seconds(), !"uas".equals(se.refresher()));
    }

    /** The carrier refreshed the session ({@code seconds} 0: it turned the timer off); Pacer refreshes next if told. */
    void refreshedByCarrier(TrunkCall call, int seconds, boolean pacerRefreshes) {
        if (seconds <= 0) {
            call.sessionTimer.disarm();
            call.sessionExpiresSeconds = 0;
            return;
        }
        start(call, seconds, pacerRefreshes);
    }

    private void start(TrunkCall call, int seconds, boolean pacerRefreshes) {
        call.sessionExpiresSeconds = seconds;
        call.pacerRefreshes = pacerRefreshes;
        long intervalMillis = seconds * 1_000L;
        if (pacerRefreshes) {
            timers.arm(call, TrunkTimer.SESSION_REFRESH, intervalMillis * 45 / 100);
        } else {
            timers.arm(call, TrunkTimer.SESSION_EXPIRED, intervalMillis - Math.min(32_000, intervalMillis / 3));
        }
    }

    /** Pacer's refresh is due. */
    void refreshDue(TrunkCall call) {
        if (call.state != TrunkCall.State.ANSWERED || call.dialog == null) {
            return;
        }
        try {
            String method = call.refreshByUpdate ? Request.UPDATE : Request.INVITE;
            Request refresh = call.dialog.createRequest(method);
            refresh.addHeader(SessionExpires.header(sip, call.sessionExpiresSeconds, "uac"));
            refresh.addHeader(sip.headers.createHeader("Supported", "timer"));
            refresh.addHeader(sip.contact(call.trunk.config.transport()));
            if (!call.refreshByUpdate && call.media != null) {
                // The same offer as before, same version: a refresh that changes nothing (RFC 3264 section 8).
                refresh.setContent(sip.sdp(call.media.port(), call.sdpSessionId, call.sdpVersion),
                        sip.sdpType);
            }
            ClientTransaction ct = sip.provider.getNewClientTransaction(refresh);
            ct.setApplicationData(call);
            call.refresh = ct;
            call.dialog.sendRequest(ct);
            stats.refreshesSent++;
        } catch (Exception e) {
            stats.transportErrors++;
            expired(call, "refresh could not be sent: " + e.getMessage());
        }
    }

    /** The carrier's answer to Pacer's refresh. */
    void refreshAnswered(TrunkCall call, ResponseEvent e) throws Exception {
        Response r = e.getResponse();
        int status = r.getStatusCode();
        if (status < 200) {
            return;
        }
        call.refresh = null;
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        Dialog d = e.getDialog();
        if (Request.INVITE.equals(cseq.getMethod()) && status < 300 && d != null) {
            d.sendAck(d.createAck(cseq.getSeqNumber()));
        }
        if (call.state != TrunkCall.State.ANSWERED) {
            return;
        }
        if (status < 300) {
            SessionExpires se = SessionExpires.of(r);
            if (se == null) {
                // RFC 4028 section 7.4: a 2xx without Session-Expires means the carrier wants no session timer.
                refreshedByCarrier(call, 0, false);
            } else {
                start(call, se.seconds(), !"uas".equals(se.refresher()));
            }
        } else if (status == 422) {
            call.sessionExpiresSeconds = Math.max(call.sessionExpiresSeconds, SessionExpires.minSeOf(r));
            refreshDue(call);
        } else if ((status == Response.METHOD_NOT_ALLOWED || status == Response.NOT_IMPLEMENTED) && call.refreshByUpdate) {
            call.refreshByUpdate = false;
            refreshDue(call);
        } else if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            expired(call, "refresh answered " + status);
        } else {
            timers.arm(call, TrunkTimer.SESSION_REFRESH, RETRY_MILLIS);
        }
    }

    /** Pacer's refresh got no answer at all. */
    void refreshTimedOut(TrunkCall call) {
        call.refresh = null;
        expired(call, "refresh timed out");
    }

    /** The session expired (the carrier did not refresh) or could not be refreshed: hang up, the engine records it. */
    void expired(TrunkCall call, String reason) {
        if (call.state != TrunkCall.State.ANSWERED) {
            return;
        }
        LOG.info("call " + call.callId + ": session timer: " + reason + "; hanging up");
        stats.sessionsExpired++;
        signalling.sendBye(call);
        calls.endAnswered(call);
    }

    private static boolean allows(Response r, String method) {
        ListIterator<?> it = r.getHeaders(AllowHeader.NAME);
        while (it != null && it.hasNext()) {
            if (it.next() instanceof AllowHeader a && method.equalsIgnoreCase(a.getMethod())) {
                return true;
            }
        }
        return false;
    }
}
