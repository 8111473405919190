package io.pacer.sip.agent;

import io.pacer.sip.media.Sdp;
import io.pacer.sip.stack.SessionExpires;
import io.pacer.sip.stack.SipEndpoint;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * RFC 4028 on the agent leg. When Pacer called the phone and the phone's 2xx names Pacer (the UAC) or nobody as
 * the refresher, Pacer re-INVITEs the phone (same SDP, same version) at 0.45 of the interval; when the phone
 * refreshes, a session whose refresh does not come in time (the interval less a third, at most 32 s) is a dead
 * phone. Checked from {@link AgentWatch}'s sweep, on the SIP worker thread.
 */
final class AgentSessionTimer {

    private final SipEndpoint sip;
    private final AgentStats stats;

    AgentSessionTimer(SipEndpoint sip, AgentStats stats) {
        this.sip = sip;
        this.stats = stats;
    }

    /** A 2xx from the phone to an INVITE of ours (the session's or a refresh): arms what it asks for, or nothing. */
    void answered(AgentSession s, Response ok, long nowNanos) {
        SessionExpires se = SessionExpires.of(ok);
        arm(s, se == null ? 0 : se.seconds(), se != null && !"uas".equals(se.refresher()), nowNanos);
    }

    /** The phone refreshed; {@code seconds} 0 turns the timer off. */
    void refreshedByPhone(AgentSession s, int seconds, boolean pacerRefreshes, long nowNanos) {
        arm(s, seconds, pacerRefreshes, nowNanos);
    }

    private static void arm(AgentSession s, int seconds, boolean pacerRefreshes, long nowNanos) {
        s.sessionSeconds = seconds;
        s.pacerRefreshes = pacerRefreshes;
        long intervalMillis = seconds * 1_000L;
        long dueMillis = pacerRefreshes ? intervalMillis * 45 / 100 : intervalMillis - Math.min(32_000, intervalMillis / 3);
        s.sessionDueNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(dueMillis);
    }

    /**
     * Whether the session is still good: sends Pacer's refresh when it is due; false when the phone's refresh is
     * overdue or ours cannot be sent (the phone is gone).
     */
    boolean check(AgentSession s, long nowNanos) {
        if (s.sessionSeconds == 0 || nowNanos < s.sessionDueNanos) {
            return true;
        }
        if (!s.pacerRefreshes) {
            return false;
        }
        try {
            Request refresh = s.dialog.createRequest(Request.INVITE);
            refresh.addHeader(SessionExpires.header(sip, s.sessionSeconds, "uac"));
            refresh.addHeader(sip.headers.createHeader("Supported", "timer"));
            refresh.addHeader(sip.contact(s.transport));
            refresh.setContent(sip.sdp(s.media.port(), s.sdpSessionId, s.sdpVersion), sip.sdpType);
            ClientTransaction ct = sip.provider.getNewClientTransaction(refresh);
            ct.setApplicationData(s);
            s.dialog.sendRequest(ct);
            // Its 2xx re-arms the timer; until then, ask again only when the rest of the interval is up.
            s.sessionDueNanos = nowNanos + TimeUnit.SECONDS.toNanos(s.sessionSeconds) / 2;
            stats.refreshesSent++;
            return true;
        } catch (Exception e) {
            stats.transportErrors++;
            return false;
        }
    }

    /** A failure answer to Pacer's refresh: 481 and 408 mean the phone's end of the session is gone. */
    static boolean fatal(int status) {
        return status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT;
    }
}
