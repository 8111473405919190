package io.pacer.sip;

import io.pacer.sip.media.AmdCampaigns;

import io.pacer.sip.stack.GateVerdict;
import io.pacer.sip.stack.OutOfDialogChecks;
import io.pacer.sip.stack.SipEndpoint;

import com.lmax.disruptor.EventHandler;
import gov.nist.javax.sip.DialogTimeoutEvent;
import io.pacer.engine.core.EngineInput;
import io.pacer.sip.agent.AgentLeg;
import io.pacer.sip.agent.AgentSession;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.RtpRelay;
import io.pacer.sip.trunk.TrunkCall;
import io.pacer.sip.trunk.CampaignPrompts;
import io.pacer.sip.trunk.TrunkLeg;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The one thread that owns the adapter's state: it takes engine commands and SIP events off the
 * {@link SipWorkRing} in order and hands each to the trunk or the agent leg. It also enforces who may talk
 * to Pacer: new requests from anyone but a configured trunk or a known agent phone are refused before any
 * state is kept for them.
 */
final class SipWorker implements EventHandler<SipWork> {

    private static final Logger LOG = Logger.getLogger(SipWorker.class.getName());

    private final SipEndpoint sip;
    private final SipStats stats;
    private final CampaignPrompts prompts;
    private TrunkLeg trunk;
    private AgentLeg agents;

    SipWorker(SipEndpoint sip, SipStats stats, CampaignPrompts prompts) {
        this.sip = sip;
        this.stats = stats;
        this.prompts = prompts;
    }

    /** Builds the legs once the engine is known; called before the ring starts. */
    void init(RtpRelay relay, SipWorkRing ring, ScheduledExecutorService timers, EngineInput input, BridgeIndex index,
              AmdCampaigns amd) {
        agents = new AgentLeg(sip, relay, input, stats.agents, index);
        trunk = new TrunkLeg(sip, relay, timers, new TrunkWakeUpPublisher(ring), input, stats.trunk, index, agents,
                prompts);
        trunk.analyseWith(amd);
    }

    /** The campaigns' routes of trunks, read by the engine's admission (after {@link #init}). */
    java.util.List<io.pacer.sip.trunk.TrunkRoute> trunkRoutes() {
        return trunk.routes();
    }

    /** The trunks' read-only gauges (after {@link #init}). */
    java.util.List<io.pacer.sip.trunk.TrunkGauges> trunkGauges() {
        return trunk.gauges();
    }

    AgentLeg agents() {
        return agents;
    }

    TrunkLeg trunk() {
        return trunk;
    }

    @Override
    public void onEvent(SipWork w, long sequence, boolean endOfBatch) {
        try {
            switch (w.kind) {
                case SipWork.DIAL -> trunk.dial(w.callId, w.campaignId, w.number, w.callerId, w.ringTimeoutMillis);
                case SipWork.CANCEL -> trunk.cancel(w.callId);
                case SipWork.BRIDGE -> trunk.bridge(w.callId, w.agentId);
                case SipWork.HANG_UP -> trunk.hangUp(w.callId);
                case SipWork.ABANDON -> trunk.abandon(w.callId);
                case SipWork.DROP_MESSAGE -> trunk.dropMessage(w.callId);
                case SipWork.ACCEPT_INBOUND -> trunk.inbound().accept(w.inboundKey, w.callId, w.campaignId);
                case SipWork.REFUSE_INBOUND -> trunk.inbound().refuse(w.inboundKey);
                case SipWork.OFFER_PREVIEW -> agents.offerPreview(w.agentId, w.contactId, w.number);
                case SipWork.SIP_REQUEST -> request((RequestEvent) w.event);
                case SipWork.SIP_RESPONSE -> response((ResponseEvent) w.event, w.arrivalNanos);
                case SipWork.SIP_TIMEOUT -> timeout((TimeoutEvent) w.event);
                case SipWork.SIP_DIALOG_TIMEOUT -> dialogTimeout((DialogTimeoutEvent) w.event);
                case SipWork.TRUNK_TIMER -> trunk.timerDue(w.callId, w.trunkTimer, w.timerGeneration);
                case SipWork.TRUNK_TICK -> trunk.tick();
                case SipWork.TASK -> ((Runnable) w.event).run();
                default -> { }
            }
        } catch (Exception | LinkageError | AssertionError e) {
            stats.workerErrors++;
            LOG.log(Level.WARNING, "SIP worker: work of kind " + w.kind + " failed", e);
            if (w.kind == SipWork.SIP_REQUEST) {
                Request req = ((RequestEvent) w.event).getRequest();
                if (!Request.ACK.equals(req.getMethod())) {
                    sip.respondStateless(req, Response.BAD_REQUEST);
                }
            }
        } finally {
            w.clear();
        }
    }

    private void request(RequestEvent e) throws Exception {
        Request req = e.getRequest();
        GateVerdict verdict = GateVerdict.of(req);
        if (verdict != null) {
            // Malformed on the wire: answered for what it is, and never taken for a request of a call or session.
            stats.malformedRequests++;
            sip.respondStateless(req, verdict.status(), verdict.reason());
            return;
        }
        if (Request.CANCEL.equals(req.getMethod()) && trunk.isTrunk(SipEndpoint.source(req))
                && trunk.inbound().cancelled(req)) {
            // A caller gave up while waiting for an agent (the CANCEL of an INVITE Pacer has not answered).
            return;
        }
        Dialog d = e.getDialog();
        Object owner = d == null ? null : d.getApplicationData();
        if (owner instanceof TrunkCall call) {
            trunk.inDialog(e, call);
            return;
        }
        if (owner instanceof AgentSession session) {
            agents.inDialog(e, session);
            return;
        }
        outOfDialog(e, req);
    }

    /** A request of no dialog Pacer owns: a registration, an agent's login call or message, a caller, a probe. */
    private void outOfDialog(RequestEvent e, Request req) throws Exception {
        String method = req.getMethod();
        if (Request.ACK.equals(method) || OutOfDialogChecks.refused(sip, req)) {
            return;
        }
        if (Request.REGISTER.equals(method)) {
            agents.register(e);
            return;
        }
        String source = SipEndpoint.source(req);
        AgentSession agent = agents.bySource(source);
        boolean fromTrunk = trunk.isTrunk(source);
        if (agent == null && !fromTrunk) {
            // Only configured trunks and known agent phones may talk to Pacer; strangers get nothing relayed.
            stats.refusedStrangers++;
            sip.respondStateless(req, Response.FORBIDDEN);
            return;
        }
        switch (method) {
            case Request.INVITE -> {
                if (agent != null) {
                    agents.loginCall(e, agent);
                } else {
                    // A customer calling back: the engine decides whether a campaign takes it (blending).
                    trunk.inbound().offer(e, source);
                }
            }
            case Request.MESSAGE -> {
                if (agent != null) {
                    agents.message(e, agent);
                } else {
                    sip.respondStateless(req, Response.FORBIDDEN);
                }
            }
            case Request.OPTIONS -> sip.answerOptions(req);
            case Request.BYE, Request.CANCEL, Request.UPDATE, Request.INFO ->
                    sip.respondStateless(req, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            default -> sip.respondStateless(req, Response.METHOD_NOT_ALLOWED, "Method Not Allowed (" + method + ")");
        }
    }

    private void response(ResponseEvent e, long arrivalNanos) throws Exception {
        ClientTransaction ct = e.getClientTransaction();
        Object owner = ct != null ? ct.getApplicationData()
                : e.getDialog() != null ? e.getDialog().getApplicationData() : null;
        if (owner instanceof AgentSession s) {
            agents.response(e, s);
        } else {
            trunk.response(e, arrivalNanos);
        }
    }

    private void timeout(TimeoutEvent e) {
        if (e.isServerTransaction()) {
            return;
        }
        ClientTransaction ct = e.getClientTransaction();
        if (ct.getApplicationData() instanceof AgentSession s) {
            agents.timeout(s);
        } else {
            trunk.timeout(ct);
        }
    }

    /**
     * The stack's dialog watchdogs: a 2xx we have not ACKed, or an ACK that never came for a 2xx we sent. Pacer
     * ACKs every 2xx as soon as the worker takes it, so the first only means the worker has not reached that
     * response yet, unless nobody owns the dialog. An agent phone that never ACKs its login call is gone.
     */
    private void dialogTimeout(DialogTimeoutEvent e) {
        Dialog d = e.getDialog();
        Object owner = d == null ? null : d.getApplicationData();
        switch (e.getReason()) {
            case AckNotReceived -> {
                if (owner instanceof AgentSession s) {
                    agents.hangUpSession(s);
                } else if (d != null) {
                    d.delete();
                }
            }
            case AckNotSent -> {
                if (owner == null && d != null) {
                    d.delete();
                }
            }
            default -> { }
        }
    }
}
