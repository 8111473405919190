package io.pacer.sip.trunk;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.EngineInput;
import io.pacer.sip.stack.SipEndpoint;
import io.pacer.sip.media.AmdCampaigns;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.MediaAnalysis;
import io.pacer.sip.media.PromptAudio;
import io.pacer.sip.media.RelayPort;
import io.pacer.sip.media.RtpRelay;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;

/**
 * The customer side of Pacer: places calls on the configured trunks and turns what the carrier answers into
 * engine events. Translates only; every decision (when to dial, when to give up, whom to bridge) is the
 * engine's. Runs on the SIP worker thread only.
 *
 * <p>This class takes the engine's commands and the worker's dispatch and hands each to the piece that owns it:
 * {@link TrunkAdmission} (channels, calls per second, back-off), {@link TrunkSignalling} (INVITE, CANCEL, BYE),
 * {@link TrunkResponses} (what the carrier answers), {@link CarrierRequests} (what it sends in a call),
 * {@link TrunkCallTimers} (the call's {@link TrunkTimer}) and {@link TrunkCalls} (the calls and how they end).
 */
public final class TrunkLeg {

    /** How often a message drop looks whether the beep has sounded. */
    static final long BEEP_POLL_MILLIS = 100;
    /** A machine whose beep is never heard gets the message anyway after this (from the MACHINE verdict). */
    static final long MAX_BEEP_WAIT_MILLIS = 20_000;

    private final SipEndpoint sip;
    private final RtpRelay relay;
    private final EngineInput input;
    private final TrunkStats stats;
    private final AgentPhones agents;
    private final TrunkCallTimers timers;
    private final TrunkAdmission admission;
    private final TrunkCalls calls;
    private final TrunkSignalling signalling;
    private final TrunkResponses responses;
    private final CarrierRequests carrierRequests;
    private final SessionTimers sessions;
    private final TrunkFailover failover;
    private final TrunkProbes probes;
    private final InboundCalls inbound;
    private final Consumer<TrunkCall> sendInvite;
    private final Consumer<TrunkCall> unplaceQueued;
    /** The message a machine is left, by campaign: the server's abandon prompt unless another source is plugged in. */
    private IntFunction<PromptAudio> messagePrompts;
    private final CampaignPrompts prompts;
    /** A graceful stop has begun: dials are held, never sent (see {@link #stopDialling}). */
    private boolean draining;

    /** Builds the leg; {@code timerExecutor}'s tasks only call {@code wakeUps}, which publish to the worker. */
    public TrunkLeg(SipEndpoint sip, RtpRelay relay, ScheduledExecutorService timerExecutor, TrunkWakeUps wakeUps,
                    EngineInput input, TrunkStats stats, BridgeIndex index, AgentPhones agents, CampaignPrompts prompts) {
        this.sip = sip;
        this.prompts = prompts;
        this.relay = relay;
        this.input = input;
        this.stats = stats;
        this.agents = agents;
        this.timers = new TrunkCallTimers(timerExecutor, wakeUps);
        this.admission = new TrunkAdmission(sip.config, timers);
        this.calls = new TrunkCalls(input, stats, relay, index, agents, prompts);
        this.signalling = new TrunkSignalling(sip, relay, timers, calls, stats);
        this.sessions = new SessionTimers(sip, calls, signalling, timers, stats);
        // An INVITE that cannot reach its trunk goes to the campaign's next trunk, else back untouched.
        this.sendInvite = call -> {
            if (!signalling.sendInvite(call) && !failover().moveOn(call)) {
                calls.unplace(call, TrunkSignalling.TRUNK_DOWN_HOLD_MILLIS);
            }
        };
        this.failover = new TrunkFailover(calls, timers, relay, admission, stats, sendInvite);
        this.probes = new TrunkProbes(sip, admission.all(), stats);
        this.responses = new TrunkResponses(calls, signalling, new TrunkDigest(sip), timers, index, input, stats,
                sessions, failover, probes);
        this.carrierRequests = new CarrierRequests(sip, calls, stats, sessions);
        this.inbound = new InboundCalls(sip, input, stats, calls, admission, relay);
        this.messagePrompts = campaignId -> {
            PromptAudio own = prompts.of(campaignId);
            return own != null ? own : sip.config.abandonPrompt();
        };
        this.unplaceQueued = call -> calls.unplace(call, call.trunk.backoffLeftMillis(System.nanoTime()));
        long probeMillis = probes.shortestIntervalMillis();
        if (probeMillis > 0) {
            // The probes ride on the trunk tick, which runs on the worker, so no new kind of work is needed.
            timerExecutor.scheduleAtFixedRate(wakeUps::tickDue, 0, Math.max(50, probeMillis / 4),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private TrunkFailover failover() { return failover; }

    /** Read-only views of the trunks' channels, back-off and probe state, for metrics on any thread. */
    public java.util.List<TrunkGauges> gauges() {
        return admission.all().stream().map(TrunkGauges::new).toList();
    }

    /** Every route of campaigns to trunks, in {@code SipConfig.routes()}'s order, for the engine's admission. */
    public java.util.List<TrunkRoute> routes() {
        return admission.routes();
    }

    /** True when {@code source} ("address:port") is a configured trunk or its outbound proxy. */
    public boolean isTrunk(String source) {
        return admission.isTrunk(source);
    }

    // ---- engine commands -------------------------------------------------------------------------------

    /**
     * The engine's dial: not placed when none of the campaign's trunks can take it (down, full or backing off: the
     * engine hands the contact back and holds the campaign's dials), else sent or queued for the calls-per-second
     * budget on the trunk its route picks.
     */
    public void dial(long callId, int campaignId, String number, String callerId, long ringTimeoutMillis) {
        TrunkRoute route = admission.routeFor(campaignId);
        route.dialsTaken++;
        if (calls.get(callId) != null) {
            return;
        }
        long nowNanos = System.nanoTime();
        stats.dials++;
        TrunkState trunk = route.pick(nowNanos, 0);
        if (trunk == null) {
            // No INVITE is sent, so no attempt may be charged: the engine undoes the dial.
            stats.refusedByTrunk++;
            stats.notPlaced++;
            input.callNotPlaced(callId, route.holdMillis(nowNanos));
            return;
        }
        TrunkCall call = new TrunkCall(callId, campaignId, route, trunk, number, callerId, ringTimeoutMillis);
        calls.add(call);
        if (draining) {
            // Held, not refused: a refusal would let the engine pace again at once and burn the list in a loop.
            return;
        }
        admission.inviteOrQueue(call, nowNanos, sendInvite);
    }

    /** A trunk's calls-per-second budget refilled, or a probe may be due: sends the INVITEs and probes now due. */
    public void tick() {
        long nowNanos = System.nanoTime();
        probes.due(nowNanos);
        admission.releaseQueued(nowNanos, sendInvite, unplaceQueued);
    }

    /**
     * The engine gives up on an unanswered call: a ringing one is CANCELled; a queued one never left, so it goes
     * back untouched (never booked as unanswered without an INVITE).
     */
    public void cancel(long callId) {
        TrunkCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        switch (call.state) {
            case QUEUED -> {
                call.trunk.waiting.remove(call);
                calls.unplace(call, 0);
            }
            case DIALING, RINGING -> signalling.sendCancel(call);
            default -> { }
        }
    }

    /**
     * A graceful stop begins: no INVITE leaves from now on (dials are held, queued ones taken out of the
     * calls-per-second queue), and every call still ringing is CANCELled. Answered calls go on.
     */
    public void stopDialling() {
        draining = true;
        for (TrunkCall call : calls.all()) {
            switch (call.state) {
                case QUEUED -> call.trunk.waiting.remove(call);
                case DIALING, RINGING -> signalling.sendCancel(call);
                default -> { }
            }
        }
    }

    /** Calls on the wire (ringing, cancelling or answered), not counting dials held or queued. */
    public int callsOnTheWire() {
        return calls.onTheWire();
    }

    /**
     * The grace period is over: BYE to every customer still on the line (the engine hears {@code callEnded} and
     * records the call), and every call that never got its final answer ends: a held dial goes back to the engine
     * untouched (no INVITE was sent), a CANCEL still unconfirmed ends as cancelled.
     */
    public void hangUpAll() {
        inbound.refuseRinging();
        // Customers on the line first: they are the ones who hear the difference.
        for (TrunkCall call : calls.all()) {
            if (call.state == TrunkCall.State.ANSWERED) {
                bye(call);
            }
        }
        for (TrunkCall call : calls.all()) {
            if (call.state == TrunkCall.State.QUEUED) {
                // Never sent: back to the engine untouched, so its contact is not charged an attempt.
                calls.unplace(call, 0);
                continue;
            }
            if (call.invite != null) {
                TrunkSignalling.terminate(call.invite);
            }
            calls.finish(call, CallOutcome.CANCELLED);
        }
    }

    /**
     * The engine ends the customer call (its agent hung up): BYE if answered, after the trunk's agent hang-up
     * message when it has one (the customer is cut from the agent first, who may take the next call at once);
     * else as {@link #cancel}.
     */
    public void hangUp(long callId) {
        TrunkCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        if (inbound.giveUpIfRinging(call)) {
            return;
        }
        if (call.state != TrunkCall.State.ANSWERED) {
            cancel(callId);
            return;
        }
        PromptAudio message = call.trunk.config.agentHangUpPrompt();
        if (message == null || call.agentId < 0) {
            bye(call);
            return;
        }
        stats.agentHangUpMessages++;
        call.media.playPrompt(message);
        agents.disconnected(call.agentId, callId);
        call.agentId = -1;
        timers.arm(call, TrunkTimer.ABANDON_PROMPT_END, message.millis());
    }

    private void bye(TrunkCall call) {
        signalling.sendBye(call);
        calls.endAnswered(call);
    }

    /** Gives the calls of campaigns with answering-machine detection a media analysis (set once, at start). */
    public void analyseWith(AmdCampaigns campaigns) {
        signalling.analyseWith(campaigns);
    }

    /**
     * Where a message drop's recording comes from, by campaign ({@code null}: the relay's tone); by default the
     * server's abandon prompt. A per-campaign prompt store plugs in here.
     */
    public void messagePrompts(IntFunction<PromptAudio> source) {
        this.messagePrompts = source;
    }

    /**
     * A machine answered and its campaign drops a message: wait for the greeting's beep to end (looked at every
     * {@value #BEEP_POLL_MILLIS} ms; at most {@value #MAX_BEEP_WAIT_MILLIS} ms), play the message, then hang up.
     */
    public void dropMessage(long callId) {
        TrunkCall call = calls.get(callId);
        if (call == null || call.state != TrunkCall.State.ANSWERED) {
            return;
        }
        MediaAnalysis analysis = call.media.analysis();
        if (analysis == null) {
            playThenHangUp(call, messagePrompts.apply(call.campaignId));
            return;
        }
        analysis.awaitBeep();
        call.beepWaitEndsNanos = System.nanoTime() + MAX_BEEP_WAIT_MILLIS * 1_000_000L;
        timers.arm(call, TrunkTimer.BEEP_WAIT, BEEP_POLL_MILLIS);
    }

    private void beepWait(TrunkCall call) {
        MediaAnalysis analysis = call.media == null ? null : call.media.analysis();
        if (analysis != null && !analysis.messageDue() && System.nanoTime() < call.beepWaitEndsNanos) {
            timers.arm(call, TrunkTimer.BEEP_WAIT, BEEP_POLL_MILLIS);
            return;
        }
        stats.messageDrops++;
        playThenHangUp(call, messagePrompts.apply(call.campaignId));
    }

    /**
     * No agent took the answered call in time: play the campaign's identification prompt (the server's when the
     * campaign has none), then hang up.
     */
    public void abandon(long callId) {
        TrunkCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        PromptAudio own = prompts.of(call.campaignId);
        playThenHangUp(call, own != null ? own : sip.config.abandonPrompt());
    }

    /** Plays a recording (or the relay's tone when there is none) to an answered call, then hangs it up. */
    private void playThenHangUp(TrunkCall call, PromptAudio recorded) {
        long callId = call.callId;
        long promptMillis = recorded != null ? recorded.millis() : sip.config.abandonMessageMillis();
        if (call.state == TrunkCall.State.ANSWERED && promptMillis > 0) {
            if (recorded != null) {
                call.media.playPrompt(recorded);
            } else {
                call.media.playPrompt(promptMillis, sip.config.payloadType());
            }
            timers.arm(call, TrunkTimer.ABANDON_PROMPT_END, promptMillis);
        } else {
            hangUp(callId);
        }
    }

    /** The engine bridged the call to {@code agentId}: switch the relay if its thread could not, tell the agent. */
    public void bridge(long callId, int agentId) throws Exception {
        TrunkCall call = calls.get(callId);
        RelayPort agentPort = agents.mediaOf(agentId);
        inbound.answerIfRinging(call);
        if (call == null || call.state != TrunkCall.State.ANSWERED) {
            // The customer hung up meanwhile: the engine hears of it separately.
            stats.bridgeMisses++;
            return;
        }
        if (agentPort == null) {
            // The agent's session dropped between the engine's decision and now: rather than leave the customer on
            // a silent line, treat it as an abandon (message, then BYE); the engine hears callEnded.
            stats.bridgeMisses++;
            abandon(callId);
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

    /** {@code timer} of {@code callId}, armed at {@code generation}, is due; ignored if the call moved on. */
    public void timerDue(long callId, TrunkTimer timer, long generation) {
        TrunkCall call = calls.get(callId);
        if (call == null || !TrunkCallTimers.current(call, timer, generation)) {
            return;
        }
        switch (timer) {
            case SESSION_REFRESH -> sessions.refreshDue(call);
            case SESSION_EXPIRED -> sessions.expired(call, "no refresh from the carrier within "
                    + call.sessionExpiresSeconds + " s");
            case ABANDON_PROMPT_END -> {
                if (call.state == TrunkCall.State.ANSWERED) {
                    bye(call);
                }
            }
            case BEEP_WAIT -> beepWait(call);
            case CANCEL_GUARD -> {
                TrunkSignalling.terminate(call.invite);
                calls.finish(call, CallOutcome.NO_ANSWER);
            }
            case POST_DIAL_LIMIT, RING_TIMEOUT -> {
                if (call.ringing()) {
                    signalling.sendCancel(call);
                }
            }
        }
    }

    /** Customers' calls to Pacer from the trunks (blending). */
    public InboundCalls inbound() {
        return inbound;
    }

    /** A response to one of our requests; {@code arrivalNanos} is when the stack handed it over. */
    public void response(ResponseEvent e, long arrivalNanos) throws Exception {
        responses.response(e, arrivalNanos);
    }

    /** A client transaction of ours timed out. */
    public void timeout(ClientTransaction ct) {
        responses.timeout(ct);
    }

    /** An in-dialog request from the carrier: BYE, re-INVITE or UPDATE (session refresh), INFO, OPTIONS. */
    public void inDialog(RequestEvent e, TrunkCall call) throws Exception {
        carrierRequests.inDialog(e, call);
    }
}
