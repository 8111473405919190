package io.pacer.sip.agent;

import io.pacer.sip.stack.SessionSettings;
import io.pacer.sip.stack.SipEndpoint;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Watches the nailed-up calls for phones that died without a BYE (power cut, crash, network gone): an in-dialog
 * OPTIONS every {@link SessionSettings#agentKeepAliveMillis} that must be answered before the next is due, and
 * RTP that must not stop for {@link SessionSettings#agentRtpTimeoutMillis}. A dead phone is handed to
 * {@link AgentCallControl#lost}, which logs the agent out before another customer can reach it. Swept from the
 * SIP worker thread only.
 */
final class AgentWatch {

    private final SipEndpoint sip;
    private final AgentDirectory directory;
    private final AgentCallControl calls;
    private final long keepAliveNanos;
    private final long rtpTimeoutNanos;

    AgentWatch(SipEndpoint sip, AgentDirectory directory, AgentCallControl calls) {
        this.sip = sip;
        this.directory = directory;
        this.calls = calls;
        SessionSettings settings = sip.config.sessions();
        this.keepAliveNanos = TimeUnit.MILLISECONDS.toNanos(settings.agentKeepAliveMillis());
        this.rtpTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(settings.agentRtpTimeoutMillis());
    }

    /** How often the sessions should be swept: a quarter of the shorter check, within 50..250 ms. */
    static long sweepPeriodMillis(SessionSettings settings) {
        long shortest = Math.min(nonZero(settings.agentKeepAliveMillis()), nonZero(settings.agentRtpTimeoutMillis()));
        // At least four times a second: session refreshes are due at 0.45 of an interval a phone chooses.
        return Math.max(50, Math.min(250, shortest / 4));
    }

    private static long nonZero(long millis) {
        return millis == 0 ? Long.MAX_VALUE : millis;
    }

    /** Checks every session that is up; sends the OPTIONS that are due. */
    void sweep(long nowNanos) {
        for (AgentSession s : directory.all()) {
            if (s.state != AgentSession.UP || s.media == null) {
                continue;
            }
            if (rtpTimeoutNanos > 0) {
                long lastNanos = Math.max(s.upNanos, s.media.lastPacketNanos());
                if (nowNanos - lastNanos > rtpTimeoutNanos) {
                    calls.lost(s, "no RTP for " + TimeUnit.NANOSECONDS.toMillis(nowNanos - lastNanos) + " ms");
                    continue;
                }
            }
            calls.checkSessionTimer(s, nowNanos);
            if (s.state != AgentSession.UP) {
                continue;
            }
            if (keepAliveNanos > 0 && nowNanos - s.keepAliveSentNanos >= keepAliveNanos) {
                if (s.keepAlive != null) {
                    calls.lost(s, "no answer to OPTIONS within " + TimeUnit.NANOSECONDS.toMillis(keepAliveNanos) + " ms");
                } else {
                    sendOptions(s, nowNanos);
                }
            }
        }
    }

    private void sendOptions(AgentSession s, long nowNanos) {
        try {
            ClientTransaction ct = sip.provider.getNewClientTransaction(s.dialog.createRequest(Request.OPTIONS));
            ct.setApplicationData(s);
            s.keepAlive = ct;
            s.keepAliveSentNanos = nowNanos;
            s.dialog.sendRequest(ct);
        } catch (Exception e) {
            calls.lost(s, "OPTIONS could not be sent: " + e.getMessage());
        }
    }

    /**
     * The phone answered a keep-alive. Any final answer shows it alive (a phone may well refuse OPTIONS with 405)
     * except 481, the dialog is gone at its end, and 408, nobody answered (RFC 3261 12.2.1.2).
     */
    void answered(AgentSession s, ClientTransaction ct, int status) {
        if (ct != s.keepAlive || status < 200) {
            return;
        }
        s.keepAlive = null;
        if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            calls.lost(s, "OPTIONS answered " + status);
        }
    }
}
