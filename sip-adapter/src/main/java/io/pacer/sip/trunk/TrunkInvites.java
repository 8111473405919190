package io.pacer.sip.trunk;

import io.pacer.sip.stack.SipConfig;
import io.pacer.sip.stack.SipEndpoint;
import javax.sip.address.SipURI;
import javax.sip.message.Request;

/**
 * Builds a customer call's INVITE for its trunk: the number at the trunk's host, the caller id (the dial's, else
 * the trunk's) in From and P-Asserted-Identity, session timers offered (RFC 4028), the outbound proxy as a loose
 * route, and the SDP offer of the call's relay port; and the OPTIONS that probe a trunk, routed the same way.
 */
final class TrunkInvites {

    private final SipEndpoint sip;

    TrunkInvites(SipEndpoint sip) {
        this.sip = sip;
    }

    /** The INVITE for {@code call}, whose relay port is already open. */
    Request inviteFor(TrunkCall call) throws Exception {
        SipConfig.TrunkConfig t = call.trunk.config;
        String caller = call.callerId != null ? call.callerId : t.callerId();
        Request invite = toTrunk(Request.INVITE, t, call.number, caller);
        invite.addHeader(sip.headers.createHeader("P-Asserted-Identity", "<sip:" + caller + "@" + sip.host + ">"));
        invite.addHeader(sip.headers.createHeader("Supported", "timer"));
        invite.setContent(sip.sdp(call.media.port(), call.sdpSessionId, call.sdpVersion), sip.sdpType);
        return invite;
    }

    /** An OPTIONS probe of {@code trunk} ({@link TrunkProbes}), routed as its INVITEs are. */
    Request optionsFor(SipConfig.TrunkConfig trunk) throws Exception {
        return toTrunk(Request.OPTIONS, trunk, null, trunk.callerId());
    }

    private Request toTrunk(String method, SipConfig.TrunkConfig t, String user, String caller) throws Exception {
        SipURI target = sip.addresses.createSipURI(user, t.host());
        target.setPort(t.port());
        if ("tcp".equals(t.transport())) {
            target.setTransportParam("tcp");
        }
        Request request = sip.request(method, target, caller, sip.address(user, t.host(), t.port()), t.transport());
        if (t.proxyHost() != null) {
            SipURI proxy = sip.addresses.createSipURI(null, t.proxyHost());
            proxy.setPort(t.proxyPort());
            proxy.setLrParam();
            if ("tcp".equals(t.transport())) {
                proxy.setTransportParam("tcp");
            }
            request.addHeader(sip.headers.createRouteHeader(sip.addresses.createAddress(proxy)));
        }
        return request;
    }
}
