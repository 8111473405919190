package io.pacer.sip;

import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.EngineInput;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.PromptAudio;
import io.pacer.sip.media.RelayPort;
import io.pacer.sip.media.RtpRelay;
import io.pacer.sip.media.Sdp;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The customer side of Pacer: places calls on the configured trunks and turns what the carrier answers into
 * engine events. Translates only; every decision (when to dial, when to give up, whom to bridge) is the
 * engine's. Runs on the SIP worker thread only.
 *
 * <p>Final responses map to outcomes as the issue fixes them: 486/600 busy, 404/484/410 invalid number,
 * 487 after our CANCEL no answer, everything else (480, 503, 408, transport errors, other codes) failure.
 */
final class TrunkLeg {

    private final SipEndpoint sip;
    private final RtpRelay relay;
    private final SipWorkRing ring;
    private final ScheduledExecutorService timers;
    private final EngineInput input;
    private final SipStats stats;
    private final AuthenticationHelper auth;
    private final BridgeIndex index;
    private final HashMap<String, TrunkState> trunks = new HashMap<>();
    private final HashMap<Long, TrunkCall> calls = new HashMap<>();
    private AgentLeg agents;

    TrunkLeg(SipEndpoint sip, RtpRelay relay, SipWorkRing ring, ScheduledExecutorService timers, EngineInput input,
             SipStats stats, BridgeIndex index) {
        this.index = index;
        this.sip = sip;
        this.relay = relay;
        this.ring = ring;
        this.timers = timers;
        this.input = input;
        this.stats = stats;
        for (SipConfig.TrunkConfig t : sip.config.trunks()) {
            trunks.put(t.name(), new TrunkState(t));
        }
        AccountManager accounts = (transaction, realm) -> {
            TrunkCall call = (TrunkCall) transaction.getApplicationData();
            SipConfig.TrunkConfig t = call.trunk.config;
            return new UserCredentials() {
                @Override public String getUserName() { return t.username(); }
                @Override public String getPassword() { return t.password(); }
                @Override public String getSipDomain() { return realm; }
            };
        };
        this.auth = sip.stack.getAuthenticationHelper(accounts, sip.headers);
    }

    void agents(AgentLeg agentLeg) {
        this.agents = agentLeg;
    }

    int callsInProgress() {
        return calls.size();
    }

    /** True when {@code source} ("address:port") is a configured trunk or its outbound proxy. */
    boolean isTrunk(String source) {
        for (TrunkState t : trunks.values()) {
            if (source.equals(t.config.host() + ":" + t.config.port())
                    || (t.config.proxyHost() != null && source.equals(t.config.proxyHost() + ":" + t.config.proxyPort()))) {
                return true;
            }
        }
        return false;
    }

    // ---- engine commands -------------------------------------------------------------------------------

    void dial(long callId, int campaignId, String number, String callerId, long ringTimeoutMillis) {
        if (calls.containsKey(callId)) {
            return;
        }
        TrunkState trunk = trunks.get(sip.config.trunkFor(campaignId).name());
        long now = System.nanoTime();
        stats.dials++;
        if (now < trunk.backoffUntilNanos || trunk.channelsInUse >= trunk.config.maxChannels()) {
            // The carrier asked us to back off (503 Retry-After), or the trunk is full: no INVITE is sent.
            stats.refusedByTrunk++;
            input.callFailed(callId, CallOutcome.FAILURE);
            return;
        }
        TrunkCall call = new TrunkCall(callId, campaignId, trunk, number, callerId, ringTimeoutMillis);
        calls.put(callId, call);
        stats.callsInProgress = calls.size();
        trunk.channelsInUse++;
        if (trunk.waiting.isEmpty() && trunk.takeToken(now)) {
            sendInvite(call);
        } else {
            trunk.waiting.add(call);
            scheduleTick(trunk);
        }
    }

    /** Sends the INVITEs that the calls-per-second budget now allows. */
    void tick() {
        long now = System.nanoTime();
        for (TrunkState trunk : trunks.values()) {
            trunk.tickScheduled = false;
            while (!trunk.waiting.isEmpty() && trunk.takeToken(now)) {
                TrunkCall call = trunk.waiting.poll();
                if (call.state == TrunkCall.QUEUED) {
                    sendInvite(call);
                }
            }
            if (!trunk.waiting.isEmpty()) {
                scheduleTick(trunk);
            }
        }
    }

    private void scheduleTick(TrunkState trunk) {
        if (!trunk.tickScheduled) {
            trunk.tickScheduled = true;
            timers.schedule(() -> ring.publishCall(SipWork.TRUNK_TICK, 0, 0), trunk.nanosToNextToken(), TimeUnit.NANOSECONDS);
        }
    }

    void cancel(long callId) {
        TrunkCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        switch (call.state) {
            case TrunkCall.QUEUED -> {
                call.trunk.waiting.remove(call);
                finish(call, CallOutcome.NO_ANSWER);
            }
            case TrunkCall.DIALING, TrunkCall.RINGING -> sendCancel(call);
            default -> { }
        }
    }

    void hangUp(long callId) {
        TrunkCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        if (call.state == TrunkCall.ANSWERED) {
            sendBye(call);
            endAnswered(call);
        } else {
            cancel(callId);
        }
    }

    void abandon(long callId) {
        TrunkCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        PromptAudio recorded = sip.config.abandonPrompt();
        long promptMillis = recorded != null ? recorded.millis() : sip.config.abandonMessageMillis();
        if (call.state == TrunkCall.ANSWERED && promptMillis > 0) {
            if (recorded != null) {
                call.media.playPrompt(recorded);
            } else {
                call.media.playPrompt(promptMillis, sip.config.payloadType());
            }
            call.timerGeneration++;
            arm(call, call.timerGeneration | ABANDON_TIMER, promptMillis);
        } else {
            hangUp(callId);
        }
    }

    private static final long ABANDON_TIMER = 1L << 62;
    private static final long CANCEL_GUARD = 1L << 61;

    void bridge(long callId, int agentId) {
        TrunkCall call = calls.get(callId);
        RelayPort agentPort = agents.mediaOf(agentId);
        if (call == null || call.state != TrunkCall.ANSWERED || agentPort == null) {
            // The customer hung up meanwhile or the agent's session dropped: the engine hears of it separately.
            stats.bridgeMisses++;
            return;
        }
        if (!BridgeIndex.bridged(call.media, agentPort)) {
            // The engine's thread could not switch it itself (slot collision, agent just logged in): do it here.
            RelayPort.bridge(call.media, agentPort);
            relay.meter().recordBridge(System.nanoTime() - call.answerNanos);
        }
        call.agentId = agentId;
        stats.bridges++;
        agents.connected(agentId, callId, call.number);
    }

    /** A ring timeout, an abandon prompt's end, or the guard after a CANCEL that got no final response. */
    void timer(long callId, long generation) {
        TrunkCall call = calls.get(callId);
        if (call == null || (generation & ~(ABANDON_TIMER | CANCEL_GUARD)) != call.timerGeneration) {
            return;
        }
        if ((generation & ABANDON_TIMER) != 0) {
            hangUp(callId);
        } else if ((generation & CANCEL_GUARD) != 0) {
            terminate(call.invite);
            finish(call, CallOutcome.NO_ANSWER);
        } else if (call.state == TrunkCall.DIALING || call.state == TrunkCall.RINGING) {
            sendCancel(call);
        }
    }

    // ---- SIP out ---------------------------------------------------------------------------------------

    private void sendInvite(TrunkCall call) {
        SipConfig.TrunkConfig t = call.trunk.config;
        try {
            SipURI target = sip.addresses.createSipURI(call.number, t.host());
            target.setPort(t.port());
            if ("tcp".equals(t.transport())) {
                target.setTransportParam("tcp");
            }
            String caller = call.callerId != null ? call.callerId : t.callerId();
            Request invite = sip.invite(target, caller, sip.address(call.number, t.host(), t.port()), t.transport());
            invite.addHeader(sip.headers.createHeader("P-Asserted-Identity", "<sip:" + caller + "@" + sip.host + ">"));
            invite.addHeader(sip.headers.createHeader("Supported", "timer"));
            if (t.proxyHost() != null) {
                SipURI proxy = sip.addresses.createSipURI(null, t.proxyHost());
                proxy.setPort(t.proxyPort());
                proxy.setLrParam();
                if ("tcp".equals(t.transport())) {
                    proxy.setTransportParam("tcp");
                }
                invite.addHeader(sip.headers.createRouteHeader(sip.addresses.createAddress(proxy)));
            }
            call.media = relay.open();
            invite.setContent(Sdp.audio(sip.host, call.media.port(), sip.config.payloadType(), call.sdpVersion), sip.sdpType);
            ClientTransaction ct = sip.provider.getNewClientTransaction(invite);
            ct.setApplicationData(call);
            call.invite = ct;
            call.state = TrunkCall.DIALING;
            ct.sendRequest();
            stats.invitesSent++;
            arm(call, call.timerGeneration, call.ringTimeoutMillis);
        } catch (Exception transportOrBuild) {
            // TCP connect refused, unresolvable host, a number that is no valid user part: the call fails.
            stats.transportErrors++;
            finish(call, CallOutcome.FAILURE);
        }
    }

    /**
     * Sets the call's one pending timer, replacing the one before. The replaced timer is taken out of the
     * executor's queue, not left to fire into a generation check: at a thousand calls a second, ring timers left
     * for answered calls would keep tens of thousands of dead tasks alive through every young collection.
     */
    private void arm(TrunkCall call, long generation, long delayMillis) {
        disarm(call);
        long callId = call.callId;
        call.timer = timers.schedule(() -> ring.publishCall(SipWork.RING_TIMEOUT, callId, generation), delayMillis, TimeUnit.MILLISECONDS);
    }

    private static void disarm(TrunkCall call) {
        if (call.timer != null) {
            call.timer.cancel(false);
            call.timer = null;
        }
    }

    private void sendCancel(TrunkCall call) {
        call.cancelWanted = true;
        if (call.cancelSent || !call.provisional) {
            // RFC 3261 9.1: no CANCEL before a provisional response; it goes out when the first 1xx arrives.
            return;
        }
        try {
            ClientTransaction ct = sip.provider.getNewClientTransaction(call.invite.createCancel());
            ct.sendRequest();
            call.cancelSent = true;
            call.state = TrunkCall.CANCELLING;
            call.timerGeneration++;
            arm(call, call.timerGeneration | CANCEL_GUARD, 32_000);
        } catch (Exception e) {
            stats.transportErrors++;
            terminate(call.invite);
            finish(call, CallOutcome.NO_ANSWER);
        }
    }

    private void sendBye(TrunkCall call) {
        try {
            Request bye = call.dialog.createRequest(Request.BYE);
            ClientTransaction ct = sip.provider.getNewClientTransaction(bye);
            call.dialog.sendRequest(ct);
        } catch (Exception e) {
            stats.transportErrors++;
            if (call.dialog != null) {
                call.dialog.delete();
            }
        }
    }

    // ---- SIP in ----------------------------------------------------------------------------------------

    void response(ResponseEvent e, long arrivalNanos) throws Exception {
        Response r = e.getResponse();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        ClientTransaction ct = e.getClientTransaction();
        if (ct == null) {
            // A retransmitted 2xx: our ACK was lost, so send it again.
            Dialog d = e.getDialog();
            if (d != null && d.getApplicationData() instanceof TrunkCall call && call.ack != null
                    && Request.INVITE.equals(cseq.getMethod()) && r.getStatusCode() / 100 == 2) {
                d.sendAck(call.ack);
            }
            return;
        }
        if (!Request.INVITE.equals(cseq.getMethod())) {
            if (r.getStatusCode() >= 200) {
                // A BYE's or CANCEL's final response leaves nothing to do; the stack would keep the transaction
                // for Timer K (5 s) only to swallow retransmitted responses, which it drops as strays anyway.
                terminate(ct);
            }
            return;
        }
        if (!(ct.getApplicationData() instanceof TrunkCall call)) {
            return;
        }
        int status = r.getStatusCode();
        if (status < 200) {
            provisional(call, e, status);
        } else if (status < 300) {
            answered(call, e, cseq.getSeqNumber(), arrivalNanos);
        } else {
            rejected(call, ct, r, status);
        }
    }

    private void provisional(TrunkCall call, ResponseEvent e, int status) {
        call.provisional = true;
        if ((status == 180 || status == 183) && !call.ringingReported) {
            call.ringingReported = true;
            input.callRinging(call.callId);
            if (call.state == TrunkCall.DIALING) {
                call.state = TrunkCall.RINGING;
            }
            InetSocketAddress early = Sdp.audioTarget(e.getResponse().getRawContent());
            if (early != null) {
                call.media.remote(early);
            }
        }
        if (call.cancelWanted && !call.cancelSent) {
            sendCancel(call);
        }
    }

    private void answered(TrunkCall call, ResponseEvent e, long cseqNumber, long arrivalNanos) throws Exception {
        Dialog dialog = e.getDialog();
        if (dialog == null) {
            return;
        }
        Request ack = dialog.createAck(cseqNumber);
        if (call.state == TrunkCall.ANSWERED) {
            dialog.sendAck(ack);
            return;
        }
        call.dialog = dialog;
        call.ack = ack;
        dialog.setApplicationData(call);
        if (call.state == TrunkCall.CANCELLING || call.state == TrunkCall.ENDED || call.cancelWanted) {
            // The 200 crossed our CANCEL: the call exists now, so it must be acknowledged and then ended.
            dialog.sendAck(ack);
            sendBye(call);
            stats.cancelRaces++;
            finish(call, CallOutcome.NO_ANSWER);
            return;
        }
        call.state = TrunkCall.ANSWERED;
        call.answerNanos = arrivalNanos;
        call.timerGeneration++;
        disarm(call);
        InetSocketAddress target = Sdp.audioTarget(e.getResponse().getRawContent());
        if (target != null) {
            call.media.remote(target);
        }
        call.media.timeFirstForwardFrom(arrivalNanos);
        index.putCall(call.callId, call.media, arrivalNanos);
        stats.answered++;
        // The engine hears of the answer before the ACK leaves: the bridge is the latency that matters.
        input.callAnswered(call.callId);
        dialog.sendAck(ack);
        // The INVITE transaction is done once the 2xx is acknowledged (RFC 3261 17.1.1.2), but the stack keeps
        // it, and its 500 ms timer task, for 32 s: at a thousand calls a second that is 64,000 timer runs a
        // second for transactions that have nothing left to do. A retransmitted 2xx still finds the dialog and
        // is ACKed again in response() above.
        terminate(call.invite);
    }

    private void rejected(TrunkCall call, ClientTransaction ct, Response r, int status) throws Exception {
        SipConfig.TrunkConfig t = call.trunk.config;
        if ((status == 401 || status == 407) && t.username() != null && call.authAttempts < 2 && !call.cancelWanted) {
            call.authAttempts++;
            ClientTransaction retry = auth.handleChallenge(r, ct, sip.provider, 5);
            retry.setApplicationData(call);
            call.invite = retry;
            call.provisional = false;
            retry.sendRequest();
            stats.authRetries++;
            return;
        }
        if (status == 503) {
            Header h = r.getHeader(RetryAfterHeader.NAME);
            if (h instanceof RetryAfterHeader retryAfter && retryAfter.getRetryAfter() > 0) {
                call.trunk.backoffUntilNanos = System.nanoTime() + retryAfter.getRetryAfter() * 1_000_000_000L;
                stats.backoffs++;
            }
        }
        finish(call, outcomeOf(status, call.cancelSent));
    }

    static CallOutcome outcomeOf(int status, boolean cancelled) {
        return switch (status) {
            case 486, 600 -> CallOutcome.BUSY;
            case 404, 484, 410, 604 -> CallOutcome.INVALID_NUMBER;
            case 487 -> cancelled ? CallOutcome.NO_ANSWER : CallOutcome.FAILURE;
            default -> cancelled ? CallOutcome.NO_ANSWER : CallOutcome.FAILURE;
        };
    }

    /** An in-dialog request from the carrier: BYE, re-INVITE or UPDATE (session refresh), INFO, OPTIONS. */
    void inDialog(RequestEvent e, TrunkCall call) throws Exception {
        InDialogRequest r = InDialogRequest.take(sip, e);
        if (r == null) {
            return;
        }
        Request req = r.request();
        switch (r.method()) {
            case Request.BYE -> {
                if (calls.get(call.callId) == call && call.state == TrunkCall.ANSWERED) {
                    // The engine hears first: the agent is free for the next customer while the 200 goes out.
                    stats.carrierHangUps++;
                    endAnswered(call);
                }
                r.answerStatelessAndEnd(sip, e.getDialog());
            }
            case Request.INVITE, Request.UPDATE -> {
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
                    ok.setContent(Sdp.audio(sip.host, call.media.port(), sip.config.payloadType(), ++call.sdpVersion), sip.sdpType);
                }
                r.answer(ok);
                stats.refreshes++;
            }
            case Request.INFO, Request.OPTIONS -> r.answer(sip, Response.OK);
            default -> r.answer(sip, Response.METHOD_NOT_ALLOWED);
        }
    }

    void timeout(ClientTransaction ct) {
        if (ct.getApplicationData() instanceof TrunkCall call && ct == call.invite && call.state != TrunkCall.ANSWERED
                && calls.get(call.callId) == call) {
            stats.timeouts++;
            finish(call, call.cancelSent ? CallOutcome.NO_ANSWER : CallOutcome.FAILURE);
        }
    }

    /** The customer leg of an answered call is over (either side): the agent's session stays up. */
    private void endAnswered(TrunkCall call) {
        int agentId = call.agentId;
        // Release first: once the engine hears of the end it may bridge the agent to the next customer.
        release(call);
        if (agentId >= 0) {
            agents.disconnected(agentId, call.callId);
        }
        input.callEnded(call.callId);
    }

    private void finish(TrunkCall call, CallOutcome outcome) {
        stats.failed[outcome.ordinal()]++;
        input.callFailed(call.callId, outcome);
        release(call);
    }

    private void release(TrunkCall call) {
        call.state = TrunkCall.ENDED;
        call.timerGeneration++;
        disarm(call);
        if (calls.remove(call.callId) != null) {
            call.trunk.channelsInUse--;
            stats.callsInProgress = calls.size();
        }
        if (call.media != null) {
            index.removeCall(call.callId, call.media);
            relay.release(call.media);
            call.media = null;
        }
    }

    private static void terminate(ClientTransaction ct) {
        try {
            ct.terminate();
        } catch (Exception alreadyGone) {
            // Terminated by the stack meanwhile.
        }
    }

    List<TrunkState> trunkStates() {
        return List.copyOf(trunks.values());
    }
}
