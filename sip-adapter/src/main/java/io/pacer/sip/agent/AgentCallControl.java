package io.pacer.sip.agent;

import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPDialogEventListener;
import io.pacer.engine.core.EngineInput;
import io.pacer.engine.port.AgentSessions;
import io.pacer.sip.stack.InDialogRequest;
import io.pacer.sip.stack.SessionExpires;
import io.pacer.sip.stack.SipEndpoint;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.RtpRelay;
import io.pacer.sip.media.Sdp;
import java.net.InetSocketAddress;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The one long "nailed-up" call per logged-in agent: Pacer calls the phone (after REGISTER, at start, or for an
 * API login), or the phone calls the login extension; the session is up once the call is, and the engine hears
 * of the login then. Also the requests inside a session and its end. SIP worker thread only.
 */
final class AgentCallControl {

    private static final Logger LOG = Logger.getLogger(AgentCallControl.class.getName());

    private final SipEndpoint sip;
    private final RtpRelay relay;
    private final EngineInput input;
    private final AgentStats stats;
    private final BridgeIndex index;
    private final AgentDirectory directory;
    private final AgentTextProtocol protocol;
    private final AgentSessionTimer sessionTimer;

    AgentCallControl(SipEndpoint sip, RtpRelay relay, EngineInput input, AgentStats stats, BridgeIndex index,
                     AgentDirectory directory) {
        this.sessionTimer = new AgentSessionTimer(sip, stats);
        this.sip = sip;
        this.relay = relay;
        this.input = input;
        this.stats = stats;
        this.index = index;
        this.directory = directory;
        this.protocol = new AgentTextProtocol(input, this);
    }

    /**
     * The operator's login through the API: calls the phone (the engine hears of the login when it answers),
     * or, when the session is up already, tells the engine of the login to {@code campaignId} at once.
     */
    AgentSessions.Opening open(int agentId, int campaignId) {
        AgentSession s = directory.byId(agentId);
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
        connect(s);
        return s.state == AgentSession.CONNECTING ? AgentSessions.Opening.CALLING : AgentSessions.Opening.UNREACHABLE;
    }

    /** Calls the agent's phone to set up its session, unless one is up or being set up. */
    void connect(AgentSession s) {
        if (s.state != AgentSession.IDLE) {
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
            invite.setContent(sip.sdp(s.media.port(), s.sdpSessionId, s.sdpVersion), sip.sdpType);
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

    /** The phone's response to our INVITE: a 2xx brings the session up, a failure leaves it down. */
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
            if (s.state == AgentSession.UP) {
                sessionTimer.answered(s, r, System.nanoTime());
            }
        } else if (status >= 300 && s.state == AgentSession.CONNECTING) {
            down(s, false);
        } else if (status >= 300 && s.state == AgentSession.UP && AgentSessionTimer.fatal(status)) {
            lost(s, "session refresh answered " + status);
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
        ok.setContent(sip.sdp(s.media.port(), s.sdpSessionId, s.sdpVersion), sip.sdpType);
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
        s.upNanos = System.nanoTime();
        s.keepAliveSentNanos = s.upNanos;
        s.keepAlive = null;
        index.putAgent(s.config.id(), s.media);
        stats.logins++;
        stats.sessionsUp = directory.sessionsUp();
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
                if (s.callId >= 0) {
                    // The agent hung up on a customer: the engine ends that call (BYE to the carrier, recorded as
                    // the agent's hang-up) before it hears the session is gone, so nobody is left on a dead line.
                    stats.agentHangUps++;
                    input.agentHangUp(s.config.id());
                }
                down(s, true);
            }
            case Request.MESSAGE, Request.INFO -> {
                r.answer(sip, Response.OK);
                protocol.command(s, r.request().getRawContent());
            }
            case Request.INVITE, Request.UPDATE -> refresh(r, s);
            case Request.OPTIONS -> r.answer(sip, Response.OK);
            default -> r.answer(sip, Response.METHOD_NOT_ALLOWED);
        }
    }

    /**
     * A re-INVITE or UPDATE from the phone: media may move; an RFC 4028 interval under Min-SE gets 422, any other
     * is accepted with the refresher named (the phone's choice, else the phone), and {@link AgentSessionTimer}
     * re-armed for whichever side refreshes next.
     */
    private void refresh(InDialogRequest r, AgentSession s) throws Exception {
        SessionExpires asked = SessionExpires.of(r.request());
        int minSeconds = sip.config.sessions().minSessionExpiresSeconds();
        if (asked != null && asked.seconds() < minSeconds) {
            Response tooSmall = sip.response(422, r.request());
            tooSmall.addHeader(SessionExpires.minSe(sip, minSeconds));
            r.answer(tooSmall);
            return;
        }
        Response ok = sip.response(Response.OK, r.request());
        if (asked != null) {
            ok.addHeader(SessionExpires.header(sip, asked.seconds(), asked.refresher() != null ? asked.refresher() : "uac"));
            ok.addHeader(sip.headers.createHeader("Require", "timer"));
        }
        InetSocketAddress moved = Sdp.audioTarget(r.request().getRawContent());
        if (moved != null) {
            s.media.remote(moved);
        }
        ok.addHeader(sip.contact(s.transport));
        if (Request.INVITE.equals(r.method()) || moved != null) {
            ok.setContent(sip.sdp(s.media.port(), s.sdpSessionId, ++s.sdpVersion), sip.sdpType);
        }
        r.answer(ok);
        // "uas" in our answer: Pacer, the UAS of this refresh, refreshes from now on.
        sessionTimer.refreshedByPhone(s, asked == null ? 0 : asked.seconds(),
                asked != null && "uas".equals(asked.refresher()), System.nanoTime());
    }

    /** An out-of-dialog MESSAGE from an agent's phone (phones that keep commands out of the call). */
    void message(RequestEvent e, AgentSession s) {
        sip.respondStateless(e.getRequest(), Response.OK);
        protocol.command(s, e.getRequest().getRawContent());
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

    /** Our INVITE to the phone, or a keep-alive or refresh in its session, got no final response. */
    void timeout(AgentSession s) {
        if (s.state == AgentSession.CONNECTING) {
            down(s, false);
        } else if (s.state == AgentSession.UP) {
            lost(s, "a request in the session (OPTIONS or refresh) timed out");
        }
    }

    /** Sends Pacer's session refresh when due; the phone is gone if its own refresh is overdue. */
    void checkSessionTimer(AgentSession s, long nowNanos) {
        if (!sessionTimer.check(s, nowNanos)) {
            lost(s, "no session refresh within " + s.sessionSeconds + " s");
        }
    }

    /**
     * The phone is dead ({@link AgentWatch}): the engine hears {@code agentLost} and decides for a customer
     * bridged to it (abandoned: the message, then BYE, recorded as abandoned) and logs the agent out. The session
     * ends with a BYE the phone may never see; releasing its relay port cuts the customer from the dead phone at
     * once, before the engine's abandon starts the message.
     */
    void lost(AgentSession s, String reason) {
        LOG.warning("agent " + s.config.id() + ": phone is gone (" + reason + "); logging the agent out");
        stats.deadPhones++;
        input.agentLost(s.config.id());
        hangUpSession(s);
    }

    private void down(AgentSession s, boolean wasUp) {
        s.state = AgentSession.IDLE;
        // The next session, set up by the phone or at registration, works on the configured campaign again.
        s.campaignId = s.config.campaignId();
        stats.sessionsUp = directory.sessionsUp();
        s.dialog = null;
        s.callId = -1;
        s.sessionSeconds = 0;
        if (s.keepAlive != null) {
            // Its retransmissions would go on for 32 s towards a phone that is gone.
            try {
                s.keepAlive.terminate();
            } catch (Exception alreadyGone) {
                // Ended by the stack meanwhile.
            }
            s.keepAlive = null;
        }
        index.putAgent(s.config.id(), null);
        if (s.media != null) {
            relay.release(s.media);
            s.media = null;
        }
        if (wasUp) {
            stats.logouts++;
            input.agentLogout(s.config.id());
        }
    }
}
