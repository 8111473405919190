package io.pacer.sip.agent;

import io.pacer.sip.stack.SipEndpoint;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The registrar for agents' phones: a REGISTER is digest-authenticated ({@link DigestChallenge}, stateless
 * nonces) against the agent's configured credentials, its Contact becomes where Pacer calls the agent, and an
 * unregistration ends the session. Unknown users are refused without a challenge. SIP worker thread only.
 */
final class AgentRegistrar {

    /** The binding's lifetime when the REGISTER names none, in seconds (RFC 3261 10.2.1.1 suggests an hour). */
    private static final int DEFAULT_EXPIRES_SECONDS = 3600;

    private final SipEndpoint sip;
    private final AgentDirectory directory;
    private final AgentCallControl sessions;
    private final AgentStats stats;
    private final DigestChallenge digest = new DigestChallenge("pacer");

    AgentRegistrar(SipEndpoint sip, AgentDirectory directory, AgentCallControl sessions, AgentStats stats) {
        this.sip = sip;
        this.directory = directory;
        this.sessions = sessions;
        this.stats = stats;
    }

    void register(RequestEvent e) throws Exception {
        Request req = e.getRequest();
        URI to = ((ToHeader) req.getHeader(ToHeader.NAME)).getAddress().getURI();
        AgentSession s = to instanceof SipURI u ? directory.byUser(u.getUser()) : null;
        if (s == null) {
            stats.refusedRegistrations++;
            sip.respondStateless(req, Response.FORBIDDEN);
            return;
        }
        AuthorizationHeader a = (AuthorizationHeader) req.getHeader(AuthorizationHeader.NAME);
        if (!digest.verify(a, Request.REGISTER, s.config.username(), s.config.password())) {
            if (a != null) {
                stats.refusedRegistrations++;
            }
            challenge(req);
            return;
        }
        ContactHeader contact = (ContactHeader) req.getHeader(ContactHeader.NAME);
        ExpiresHeader expiresHeader = req.getExpires();
        int expiresSeconds = contact != null && contact.getExpires() >= 0 ? contact.getExpires()
                : expiresHeader != null ? expiresHeader.getExpires() : DEFAULT_EXPIRES_SECONDS;
        Response ok = sip.response(Response.OK, req);
        if (contact == null || expiresSeconds == 0) {
            s.contact = null;
            if (s.state != AgentSession.IDLE) {
                sessions.hangUpSession(s);
            }
        } else {
            s.contact = contact.getAddress().getURI();
            s.source = SipEndpoint.source(req);
            s.transport = s.contact instanceof SipURI su && "tcp".equalsIgnoreCase(su.getTransportParam()) ? "tcp" : "udp";
            ContactHeader bound = (ContactHeader) contact.clone();
            bound.setExpires(expiresSeconds);
            ok.addHeader(bound);
            ok.addHeader(sip.headers.createExpiresHeader(expiresSeconds));
        }
        sip.sendStateless(ok);
        stats.registrations++;
        if (s.contact != null && s.state == AgentSession.IDLE && s.config.autoConnect()) {
            sessions.connect(s);
        }
    }

    private void challenge(Request req) throws Exception {
        Response challenge = sip.response(Response.UNAUTHORIZED, req);
        WWWAuthenticateHeader w = sip.headers.createWWWAuthenticateHeader("Digest");
        w.setRealm(digest.realm());
        w.setNonce(digest.newNonce());
        w.setAlgorithm("MD5");
        w.setQop("auth");
        challenge.addHeader(w);
        sip.sendStateless(challenge);
    }
}
