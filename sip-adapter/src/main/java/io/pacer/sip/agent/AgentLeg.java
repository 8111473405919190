package io.pacer.sip.agent;

import io.pacer.engine.core.EngineInput;
import io.pacer.engine.port.AgentSessions;
import io.pacer.sip.stack.SessionSettings;
import io.pacer.sip.stack.SipEndpoint;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.RelayPort;
import io.pacer.sip.media.RtpRelay;
import io.pacer.sip.trunk.AgentPhones;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;

/**
 * The agent side of Pacer: registrations (digest-authenticated), the one long "nailed-up" call per logged-in
 * agent, and the small text protocol over SIP MESSAGE that carries what the engine and the agent tell each
 * other during a session (see {@code docs/sip.md}). Runs on the SIP worker thread only.
 *
 * <p>This class is the worker's and the trunk leg's one entry; the work is done by {@link AgentRegistrar},
 * {@link AgentCallControl} (with {@link AgentTextProtocol} for what the phone sends) and {@link AgentNotices}
 * (what Pacer tells the phone), over the sessions in {@link AgentDirectory}.
 */
public final class AgentLeg implements AgentPhones {

    private final AgentDirectory directory;
    private final AgentRegistrar registrar;
    private final AgentCallControl calls;
    private final AgentNotices notices;
    private final AgentWatch watch;

    /**
     * Builds the leg with a session for every configured agent; counts go to {@code stats}. An agent whose phone
     * died is reported as {@code agentLost}: the engine abandons its customer (message, then BYE).
     */
    public AgentLeg(SipEndpoint sip, RtpRelay relay, EngineInput input, AgentStats stats, BridgeIndex index) {
        this.directory = new AgentDirectory(sip.config);
        this.calls = new AgentCallControl(sip, relay, input, stats, index, directory);
        this.watch = new AgentWatch(sip, directory, calls);
        this.registrar = new AgentRegistrar(sip, directory, calls, stats);
        this.notices = new AgentNotices(sip, directory, stats);
    }

    /** Calls the fixed-address agents that want their session set up at start. */
    public void connectFixedAgents() {
        for (AgentSession s : directory.all()) {
            if (s.config.fixedHost() != null && s.config.autoConnect()) {
                calls.connect(s);
            }
        }
    }

    /** The agent whose phone sends from {@code source} ("address:port"), or {@code null}. */
    public AgentSession bySource(String source) {
        return directory.bySource(source);
    }

    @Override
    public RelayPort mediaOf(int agentId) {
        AgentSession s = directory.byId(agentId);
        return s != null && s.state == AgentSession.UP ? s.media : null;
    }

    /** A REGISTER from anyone: an agent's phone registers, or is refused or challenged. */
    public void register(RequestEvent e) throws Exception {
        registrar.register(e);
    }

    /** The operator's login through the API; see {@link AgentCallControl#open}. */
    public AgentSessions.Opening open(int agentId, int campaignId) {
        return calls.open(agentId, campaignId);
    }

    /** Calls the agent's phone to set up its session (at start, or on the operator's login). */
    public void connect(int agentId) {
        AgentSession s = directory.byId(agentId);
        if (s != null) {
            calls.connect(s);
        }
    }

    /** The phone's response to a request of ours in or for its session. */
    public void response(ResponseEvent e, AgentSession s) throws Exception {
        CSeqHeader cseq = (CSeqHeader) e.getResponse().getHeader(CSeqHeader.NAME);
        if (Request.OPTIONS.equals(cseq.getMethod())) {
            watch.answered(s, e.getClientTransaction(), e.getResponse().getStatusCode());
        } else {
            calls.response(e, s);
        }
    }

    /** Checks the sessions for dead phones and sends the keep-alives that are due (see {@link AgentWatch}). */
    public void watchSessions() {
        watch.sweep(System.nanoTime());
    }

    /** How often {@link #watchSessions} should run, in milliseconds. */
    public static long watchPeriodMillis(SessionSettings settings) {
        return AgentWatch.sweepPeriodMillis(settings);
    }

    /** Ends every agent's session (shutdown): BYE to each phone that is up. */
    public void hangUpAllSessions() {
        for (AgentSession s : directory.all()) {
            calls.hangUpSession(s);
        }
    }

    /** A new INVITE from a known agent's phone: a call to the login extension. */
    public void loginCall(RequestEvent e, AgentSession s) throws Exception {
        calls.loginCall(e, s);
    }

    /** A request inside an agent's session. */
    public void inDialog(RequestEvent e, AgentSession s) throws Exception {
        calls.inDialog(e, s);
    }

    /** An out-of-dialog MESSAGE from a known agent's phone. */
    public void message(RequestEvent e, AgentSession s) {
        calls.message(e, s);
    }

    /** Ends the agent's session: BYE to the phone if it is up. */
    public void hangUpSession(AgentSession s) {
        calls.hangUpSession(s);
    }

    /** Ends agent {@code agentId}'s session, if it has one. */
    public void hangUpSession(int agentId) {
        AgentSession s = directory.byId(agentId);
        if (s != null) {
            calls.hangUpSession(s);
        }
    }

    /** Our INVITE to the phone timed out. */
    public void timeout(AgentSession s) {
        calls.timeout(s);
    }

    @Override
    public void connected(int agentId, long callId, String number) {
        notices.connected(agentId, callId, number);
    }

    @Override
    public void disconnected(int agentId, long callId) {
        notices.disconnected(agentId, callId);
    }

    /** Offers a preview record to the agent's phone. */
    public void offerPreview(int agentId, long contactId, String number) {
        notices.offerPreview(agentId, contactId, number);
    }
}
