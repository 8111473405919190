package io.pacer.sip;

import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPDialogEventListener;
import io.pacer.engine.core.EngineInput;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.port.AgentSessions;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.RelayPort;
import io.pacer.sip.media.RtpRelay;
import io.pacer.sip.media.Sdp;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The agent side of Pacer: registrations (digest-authenticated), the one long "nailed-up" call per logged-in
 * agent, and the small text protocol over SIP MESSAGE that carries what the engine and the agent tell each
 * other during a session (see {@code docs/sip.md}). Runs on the SIP worker thread only.
 */
final class AgentLeg {

    private final SipEndpoint sip;
    private final RtpRelay relay;
    private final EngineInput input;
    private final SipStats stats;
    private final DigestChallenge digest = new DigestChallenge("pacer");
    private final HashMap<Integer, AgentSession> byId = new HashMap<>();
    private final HashMap<String, AgentSession> byUser = new HashMap<>();

    private final BridgeIndex index;

    AgentLeg(SipEndpoint sip, RtpRelay relay, EngineInput input, SipStats stats, BridgeIndex index) {
        this.index = index;
        this.sip = sip;
        this.relay = relay;
        this.input = input;
        this.stats = stats;
        for (SipConfig.AgentConfig a : sip.config.agents()) {
            AgentSession s = new AgentSession(a);
            byId.put(a.id(), s);
            byUser.put(a.username(), s);
        }
    }

    /** Calls the fixed-address agents that want their session set up at start. */
    void connectFixedAgents() {
        for (AgentSession s : byId.values()) {
            if (s.config.fixedHost() != null && s.config.autoConnect()) {
                connect(s.config.id());
            }
        }
    }

    /** The agent whose phone sends from {@code source}, or {@code null}. */
    AgentSession bySource(String source) {
        for (AgentSession s : byId.values()) {
            if (source.equals(s.source)) {
                return s;
            }
        }
        return null;
    }

    RelayPort mediaOf(int agentId) {
        AgentSession s = byId.get(agentId);
        return s != null && s.state == AgentSession.UP ? s.media : null;
    }

    int sessionsUp() {
        int up = 0;
        for (AgentSession s : byId.values()) {
            if (s.state == AgentSession.UP) {
                up++;
            }
        }
        return up;
    }

    // ---- registration ----------------------------------------------------------------------------------

    void register(RequestEvent e) throws Exception {
        Request req = e.getRequest();
        URI to = ((ToHeader) req.getHeader(ToHeader.NAME)).getAddress().getURI();
        AgentSession s = to instanceof SipURI u ? byUser.get(u.getUser()) : null;
        if (s == null) {
            stats.refusedRequests++;
            sip.respondStateless(req, Response.FORBIDDEN);
            return;
        }
        AuthorizationHeader a = (AuthorizationHeader) req.getHeader(AuthorizationHeader.NAME);
        if (!digest.verify(a, Request.REGISTER, s.config.username(), s.config.password())) {
            if (a != null) {
                stats.refusedRequests++;
            }
            Response challenge = sip.response(Response.UNAUTHORIZED, req);
            WWWAuthenticateHeader w = sip.headers.createWWWAuthenticateHeader("Digest");
            w.setRealm(digest.realm());
            w.setNonce(digest.newNonce());
            w.setAlgorithm("MD5");
            w.setQop("auth");
            challenge.addHeader(w);
            sip.provider.sendResponse(challenge);
            return;
        }
        ContactHeader contact = (ContactHeader) req.getHeader(ContactHeader.NAME);
        ExpiresHeader expiresHeader = req.getExpires();
        int expires = contact != null && contact.getExpires() >= 0 ? contact.getExpires()
                : expiresHeader != null ? expiresHeader.getExpires() : 3600;
        Response ok = sip.response(Response.OK, req);
        if (contact == null || expires == 0) {
            s.contact = null;
            if (s.state != AgentSession.IDLE) {
                hangUpSession(s);
            }
        } else {
            s.contact = contact.getAddress().getURI();
            s.source = SipEndpoint.source(req);
            s.transport = s.contact instanceof SipURI su && "tcp".equalsIgnoreCase(su.getTransportParam()) ? "tcp" : "udp";
            ContactHeader bound = (ContactHeader) contact.clone();
            bound.setExpires(expires);
            ok.addHeader(bound);
            ok.addHeader(sip.headers.createExpiresHeader(expires));
        }
        sip.provider.sendResponse(ok);
        stats.registrations++;
        if (s.contact != null && s.state == AgentSession.IDLE && s.config.autoConnect()) {
            connect(s.config.id());
        }
    }

    // ---- the nailed-up call ----------------------------------------------------------------------------

    /**
     * The operator's login through the API: calls the phone (the engine hears of the login when it answers),
     * or, when the session is up already, tells the engine of the login to {@code campaignId} at once.
     */
    AgentSessions.Opening open(int agentId, int campaignId) {
        AgentSession s = byId.get(agentId);
        if (s == null) {
            return AgentSessions.Opening.UNKNOWN_AGENT;
        }
        if (s.state == AgentSession.UP) {
            s.campaignId = campaignId;
            input.agentLogin(agentId, campaignId);
            return AgentSessions.Opening.UP;
        }
        if (s.state == AgentSession.IDLE && s.contact == null && s.config.fixedHost() == null) {
            return AgentSessions.Opening.UNREACHABLE;
        }
        s.campaignId = campaignId;
        connect(agentId);
        return s.state == AgentSession.CONNECTING ? AgentSessions.Opening.CALLING : AgentSessions.Opening.UNREACHABLE;
    }

    /** Calls the agent's phone to set up its session (after REGISTER, at start, or on the operator's login). */
    void connect(int agentId) {
        AgentSession s = byId.get(agentId);
        if (s == null || s.state != AgentSession.IDLE) {
            return;
        }
        try {
            URI target = s.contact;
            if (target == null && s.config.fixedHost() != null) {
                target = sip.address(s.config.username(), s.config.fixedHost(), s.config.fixedPort()).getURI();
            }
            if (target == null) {
                return;
            }
            Request invite = sip.invite(target, "pacer", sip.addresses.createAddress(target), s.transport);
            s.media = relay.open();
            invite.setContent(Sdp.audio(sip.host, s.media.port(), sip.config.payloadType(), s.sdpVersion), sip.sdpType);
            ClientTransaction ct = sip.provider.getNewClientTransaction(invite);
            ct.setApplicationData(s);
            s.invite = ct;
            s.state = AgentSession.CONNECTING;
            ct.sendRequest();
        } catch (Exception e) {
            stats.transportErrors++;
            down(s, false);
        }
    }

    void response(ResponseEvent e, AgentSession s) throws Exception {
        Response r = e.getResponse();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        int status = r.getStatusCode();
        if (status >= 200 && status < 300 && e.getDialog() != null) {
            Dialog d = e.getDialog();
            d.sendAck(d.createAck(cseq.getSeqNumber()));
            if (s.state == AgentSession.CONNECTING) {
                up(s, d, r.getRawContent());
            }
        } else if (status >= 300 && s.state == AgentSession.CONNECTING) {
            down(s, false);
        }
    }

    /** A new INVITE from an agent's phone to the login extension: the agent logs in by calling Pacer. */
    void loginCall(RequestEvent e, AgentSession s) throws Exception {
        Request req = e.getRequest();
        if (!(req.getRequestURI() instanceof SipURI uri) || !sip.config.loginExtension().equals(uri.getUser())) {
            sip.respondStateless(req, Response.NOT_FOUND);
            return;
        }
        if (s.state != AgentSession.IDLE) {
            sip.respondStateless(req, Response.BUSY_HERE);
            return;
        }
        InetSocketAddress phone = Sdp.audioTarget(req.getRawContent());
        if (phone == null) {
            sip.respondStateless(req, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        ServerTransaction st = sip.serverTransaction(e);
        // The stack reports a 200 that is never ACKed (SipWorker.dialogTimeout) only to the dialog's listeners,
        // and adds the provider as one only when a dialog passes through the early state. This one is answered
        // at once, so it never does.
        ((SIPDialog) st.getDialog()).addEventListener((SIPDialogEventListener) sip.provider);
        s.media = relay.open();
        Response ok = sip.response(Response.OK, req);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(SipEndpoint.newTag());
        ok.addHeader(sip.contact(s.transport));
        ok.setContent(Sdp.audio(sip.host, s.media.port(), sip.config.payloadType(), s.sdpVersion), sip.sdpType);
        st.sendResponse(ok);
        up(s, st.getDialog(), req.getRawContent());
    }

    private void up(AgentSession s, Dialog d, byte[] sdp) {
        s.dialog = d;
        d.setApplicationData(s);
        InetSocketAddress phone = Sdp.audioTarget(sdp);
        if (phone != null) {
            s.media.remote(phone);
        }
        s.state = AgentSession.UP;
        index.putAgent(s.config.id(), s.media);
        stats.agentLogins++;
        stats.agentSessionsUp = sessionsUp();
        input.agentLogin(s.config.id(), s.campaignId);
    }

    /** Requests inside an agent's session: BYE (logout), MESSAGE/INFO (the agent's commands), refreshes. */
    void inDialog(RequestEvent e, AgentSession s) throws Exception {
        InDialogRequest r = InDialogRequest.take(sip, e);
        if (r == null) {
            return;
        }
        switch (r.method()) {
            case Request.BYE -> {
                r.answer(sip, Response.OK);
                down(s, true);
            }
            case Request.MESSAGE, Request.INFO -> {
                r.answer(sip, Response.OK);
                command(s, r.request().getRawContent());
            }
            case Request.INVITE, Request.UPDATE -> {
                Response ok = sip.response(Response.OK, r.request());
                InetSocketAddress moved = Sdp.audioTarget(r.request().getRawContent());
                if (moved != null) {
                    s.media.remote(moved);
                }
                ok.addHeader(sip.contact(s.transport));
                if (Request.INVITE.equals(r.method()) || moved != null) {
                    ok.setContent(Sdp.audio(sip.host, s.media.port(), sip.config.payloadType(), ++s.sdpVersion), sip.sdpType);
                }
                r.answer(ok);
            }
            case Request.OPTIONS -> r.answer(sip, Response.OK);
            default -> r.answer(sip, Response.METHOD_NOT_ALLOWED);
        }
    }

    /** An out-of-dialog MESSAGE from an agent's phone (phones that keep commands out of the call). */
    void message(RequestEvent e, AgentSession s) throws Exception {
        sip.respondStateless(e.getRequest(), Response.OK);
        command(s, e.getRequest().getRawContent());
    }

    /**
     * The agent's side of the text protocol: {@code ready}, {@code pause}, {@code hangup} (end the customer
     * call), {@code next} (preview: pull the next record), {@code logout}, {@code accept|skip|dnc <contactId>}. Unknown text is ignored: a phone may send anything.
     */
    private void command(AgentSession s, byte[] body) {
        if (body == null) {
            return;
        }
        String[] words = new String(body, StandardCharsets.UTF_8).trim().split("\\s+");
        int id = s.config.id();
        switch (words[0].toLowerCase()) {
            case "ready" -> input.agentReady(id);
            case "pause" -> input.agentPause(id);
            case "hangup" -> input.agentHangUp(id);
            case "next" -> input.previewRequested(id);
            case "logout" -> hangUpSession(s);
            case "accept", "skip", "dnc" -> {
                if (words.length > 1) {
                    try {
                        long contactId = Long.parseLong(words[1]);
                        PreviewAnswer answer = switch (words[0].toLowerCase()) {
                            case "accept" -> PreviewAnswer.ACCEPT;
                            case "skip" -> PreviewAnswer.SKIP;
                            default -> PreviewAnswer.DO_NOT_CALL;
                        };
                        input.previewAnswered(id, contactId, answer);
                    } catch (NumberFormatException ignored) {
                        // Not a contact id: nothing the engine could act on.
                    }
                }
            }
            default -> { }
        }
    }

    /** Pacer ends the agent's session (logout command, unregistration, shutdown). */
    void hangUpSession(AgentSession s) {
        if (s.state == AgentSession.UP && s.dialog != null) {
            try {
                ClientTransaction ct = sip.provider.getNewClientTransaction(s.dialog.createRequest(Request.BYE));
                s.dialog.sendRequest(ct);
            } catch (Exception e) {
                stats.transportErrors++;
                s.dialog.delete();
            }
        }
        down(s, s.state == AgentSession.UP);
    }

    void hangUpSession(int agentId) {
        AgentSession s = byId.get(agentId);
        if (s != null) {
            hangUpSession(s);
        }
    }

    private void down(AgentSession s, boolean wasUp) {
        s.state = AgentSession.IDLE;
        // The next session, set up by the phone or at registration, works on the configured campaign again.
        s.campaignId = s.config.campaignId();
        stats.agentSessionsUp = sessionsUp();
        s.dialog = null;
        s.callId = -1;
        index.putAgent(s.config.id(), null);
        if (s.media != null) {
            relay.release(s.media);
            s.media = null;
        }
        if (wasUp) {
            stats.agentLogouts++;
            input.agentLogout(s.config.id());
        }
    }

    void timeout(AgentSession s) {
        if (s.state == AgentSession.CONNECTING) {
            down(s, false);
        }
    }

    // ---- what the engine tells the agent ---------------------------------------------------------------

    void connected(int agentId, long callId, String number) {
        AgentSession s = byId.get(agentId);
        if (s != null) {
            s.callId = callId;
            tell(s, "connected " + callId + " " + number);
        }
    }

    void disconnected(int agentId, long callId) {
        AgentSession s = byId.get(agentId);
        if (s != null && s.callId == callId) {
            s.callId = -1;
            tell(s, "ended " + callId);
        }
    }

    void offerPreview(int agentId, long contactId, String number) {
        AgentSession s = byId.get(agentId);
        if (s != null) {
            tellAlways(s, "preview " + contactId + " " + number);
        }
    }

    private void tell(AgentSession s, String text) {
        if (sip.config.notifyAgents()) {
            tellAlways(s, text);
        }
    }

    /** Sends a MESSAGE inside the agent's session, so it follows the session's route and needs no lookup. */
    private void tellAlways(AgentSession s, String text) {
        if (s.state != AgentSession.UP || s.dialog == null) {
            return;
        }
        try {
            Request message = s.dialog.createRequest(Request.MESSAGE);
            message.setContent(text, sip.textType);
            ClientTransaction ct = sip.provider.getNewClientTransaction(message);
            s.dialog.sendRequest(ct);
        } catch (Exception e) {
            stats.transportErrors++;
        }
    }
}
