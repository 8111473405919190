package io.pacer.sip.trunk;

import io.pacer.sip.stack.InDialogRequest;
import io.pacer.sip.stack.SipEndpoint;
import io.pacer.sip.media.Sdp;
import java.net.InetSocketAddress;
import javax.sip.RequestEvent;
import javax.sip.header.Header;
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

    CarrierRequests(SipEndpoint sip, TrunkCalls calls, TrunkStats stats) {
        this.sip = sip;
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

    /** Accepts a session refresh, following the media if it moved and answering an offer with our SDP. */
    private void refresh(InDialogRequest r, TrunkCall call) throws Exception {
        Request req = r.request();
        Response ok = sip.response(Response.OK, req);
        InetSocketAddress moved = Sdp.audioTarget(req.getRawContent());
        if (moved != null && call.media != null) {
            call.media.remote(moved);
        }
        Header expires = req.getHeader("Session-Expires");
        if (expires != null) {
            // RFC 4028: accept the carrier's interval and let it stay the refresher.
            ok.addHeader(expires);
            ok.addHeader(sip.headers.createHeader("Require", "timer"));
        }
        ok.addHeader(sip.contact(call.trunk.config.transport()));
        if (call.media != null && (Request.INVITE.equals(r.method()) || moved != null)) {
            ok.setContent(sip.sdp(call.media.port(), call.sdpSessionId, ++call.sdpVersion), sip.sdpType);
        }
        r.answer(ok);
        stats.refreshes++;
    }
}
