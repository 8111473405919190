package io.pacer.sip.trunk;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.EngineInput;
import io.pacer.sip.stack.SipEndpoint;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.PromptAudio;
import io.pacer.sip.media.RelayPort;
import io.pacer.sip.media.RtpRelay;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
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
    private final Consumer<TrunkCall> sendInvite;
    private final Consumer<TrunkCall> unplaceQueued;
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
        this.calls = new TrunkCalls(input, stats, timers, relay, index, agents, prompts);
        this.signalling = new TrunkSignalling(sip, relay, timers, calls, stats);
        this.sessions = new SessionTimers(sip, calls, signalling, timers, stats);
        this.responses = new TrunkResponses(calls, signalling, new TrunkDigest(sip), timers, index, input, stats,
                sessions);
        this.carrierRequests = new CarrierRequests(sip, calls, stats, sessions);
        this.sendInvite = signalling::sendInvite;
        this.unplaceQueued = call -> calls.unplace(call, call.trunk.backoffLeftMillis(System.nanoTime()));
    }

    /** Read-only views of the trunks' channels and back-off, for metrics on any thread. */
    public java.util.List<TrunkGauges> gauges() {
        java.util.List<TrunkGauges> list = new java.util.ArrayList<>();
        for (TrunkState t : admission.all()) {
            list.add(new TrunkGauges(t));
        }
        return list;
    }

    /** True when {@code source} ("address:port") is a configured trunk or its outbound proxy. */
    public boolean isTrunk(String source) {
        return admission.isTrunk(source);
    }

    // ---- engine commands -------------------------------------------------------------------------------

    /**
     * The engine's dial: not placed when the trunk is full or backing off (the engine hands the contact back and
     * holds the campaign's dials), else sent or queued for the calls-per-second budget.
     */
    public void dial(long callId, int campaignId, String number, String callerId, long ringTimeoutMillis) {
        TrunkState trunk = admission.trunkFor(campaignId);
        trunk.dialsTaken++;
        if (calls.get(callId) != null) {
            return;
        }
        long nowNanos = System.nanoTime();
        stats.dials++;
        if (TrunkAdmission.refuses(trunk, nowNanos)) {
            // No INVITE is sent, so no attempt may be charged: the engine undoes the dial.
            stats.refusedByTrunk++;
            stats.notPlaced++;
            input.callNotPlaced(callId, TrunkAdmission.holdMillis(trunk, nowNanos));
            return;
        }
        TrunkCall call = new TrunkCall(callId, campaignId, trunk, number, callerId, ringTimeoutMillis);
        calls.add(call);
        if (draining) {
            // Held, not refused: a refusal would let the engine pace again at once and burn the list in a loop.
            return;
        }
        admission.inviteOrQueue(call, nowNanos, sendInvite);
    }

    /** A trunk's calls-per-second budget refilled: sends the queued INVITEs it now allows. */
    public void tick() {
        admission.releaseQueued(System.nanoTime(), sendInvite, unplaceQueued);
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
        // Customers on the line first: they are the ones who hear the difference.
        for (TrunkCall call : calls.all()) {
            if (call.state == TrunkCall.State.ANSWERED) {
                signalling.sendBye(call);
                calls.endAnswered(call);
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

    /** The engine ends the customer call: BYE if answered, else as {@link #cancel}. */
    public void hangUp(long callId) {
        TrunkCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        if (call.state == TrunkCall.State.ANSWERED) {
            signalling.sendBye(call);
            calls.endAnswered(call);
        } else {
            cancel(callId);
        }
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
        PromptAudio recorded = own != null ? own : sip.config.abandonPrompt();
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
    public void bridge(long callId, int agentId) {
        TrunkCall call = calls.get(callId);
        RelayPort agentPort = agents.mediaOf(agentId);
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
            case ABANDON_PROMPT_END -> hangUp(callId);
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

    // ---- SIP in ----------------------------------------------------------------------------------------

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
