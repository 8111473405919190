package io.pacer.sip.trunk;

import io.pacer.sip.stack.InDialogRequest;
import io.pacer.sip.stack.SipEndpoint;
import io.pacer.sip.media.Sdp;
import io.pacer.sip.stack.SessionExpires;
import java.net.InetSocketAddress;
import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Requests the carrier sends inside a customer call: BYE (the customer hung up), re-INVITE or UPDATE (session
 * refresh, RFC 4028, possibly moving the media), INFO and OPTIONS. SIP worker thread only.
 */
final class CarrierRequests {

    private final SipEndpoint sip;
    private final TrunkCalls calls;
    private final TrunkStats stats;
    private final SessionTimers sessions;

    CarrierRequests(SipEndpoint sip, TrunkCalls calls, TrunkStats stats, SessionTimers sessions) {
        this.sip = sip;
        this.sessions = sessions;
        this.calls = calls;
        this.stats = stats;
    }

    void inDialog(RequestEvent e, TrunkCall call) throws Exception {
        InDialogRequest r = InDialogRequest.take(sip, e);
        if (r == null) {
            return;
        }
        switch (r.method()) {
            case Request.BYE -> {
                if (calls.holds(call) && call.state == TrunkCall.State.ANSWERED) {
                    // The engine hears first: the agent is free for the next customer while the 200 goes out.
                    stats.carrierHangUps++;
                    calls.endAnswered(call);
                }
                r.answerStatelessAndEnd(sip, e.getDialog());
            }
            case Request.INVITE, Request.UPDATE -> refresh(r, call);
            case Request.INFO, Request.OPTIONS -> r.answer(sip, Response.OK);
            default -> r.answer(sip, Response.METHOD_NOT_ALLOWED);
        }
    }

    /**
     * Accepts a session refresh, following the media if it moved and answering an offer with our SDP. An interval
     * under Min-SE is refused with 422 (RFC 4028 section 8.1); otherwise the 2xx names the refresher: the one the
     * carrier asked for, else the carrier itself ({@code uac}), which keeps refreshing as it chose to.
     */
    private void refresh(InDialogRequest r, TrunkCall call) throws Exception {
        Request req = r.request();
        SessionExpires asked = SessionExpires.of(req);
        int minSeconds = sip.config.sessions().minSessionExpiresSeconds();
        if (asked != null && asked.seconds() < minSeconds) {
            Response tooSmall = sip.response(422, req);
            tooSmall.addHeader(SessionExpires.minSe(sip, minSeconds));
            r.answer(tooSmall);
            return;
        }
        Response ok = sip.response(Response.OK, req);
        InetSocketAddress moved = Sdp.audioTarget(req.getRawContent());
        if (moved != null && call.media != null) {
            call.media.remote(moved);
        }
        String refresher = asked == null ? null : asked.refresher() != null ? asked.refresher() : "uac";
        if (asked != null) {
            ok.addHeader(SessionExpires.header(sip, asked.seconds(), refresher));
            ok.addHeader(sip.headers.createHeader("Require", "timer"));
        }
        ok.addHeader(sip.contact(call.trunk.config.transport()));
        if (call.media != null && (Request.INVITE.equals(r.method()) || moved != null)) {
            ok.setContent(sip.sdp(call.media.port(), call.sdpSessionId, ++call.sdpVersion), sip.sdpType);
        }
        r.answer(ok);
        stats.refreshes++;
        if (calls.holds(call) && call.state == TrunkCall.State.ANSWERED) {
            // "uas" in our answer: Pacer, the UAS of this refresh, refreshes from now on.
            sessions.refreshedByCarrier(call, asked == null ? 0 : asked.seconds(), "uas".equals(refresher));
        }
    }
}
