package io.pacer.benchmarks.sip;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.EngineCommand;
import io.pacer.engine.core.EngineInput;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.port.Telephony;
import io.pacer.launcher.Pacer;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The benchmark's agents press "ready" the moment their customer hangs up: sits between the engine and the
 * SIP adapter in both directions, remembers which agent each call was bridged to, and after the adapter
 * reports a call's end also reports that agent ready. Without it every call would need three more SIP
 * MESSAGE transactions on the agent leg (connected, ended, ready), which measures the agents' phones as much
 * as Pacer. Everything else passes through untouched, on the caller's thread.
 */
final class ReadyOnEnd implements Pacer.Tap {

    /** The engine's call ids carry their call-table slot in the low 20 bits. */
    private static final int SLOT_MASK = (1 << 20) - 1;

    private Telephony telephony;
    private final AtomicIntegerArray agentOfSlot = new AtomicIntegerArray(SLOT_MASK + 1);
    private EngineInput engine;

    @Override
    public void connect(Telephony adapter, EngineInput input) {
        this.telephony = adapter;
        this.engine = input;
    }

    // ---- engine -> adapter ----

    @Override
    public void dial(long callId, int campaignId, long contactId, String number, String callerId, long ringTimeoutMillis) {
        telephony.dial(callId, campaignId, contactId, number, callerId, ringTimeoutMillis);
    }

    @Override
    public int placeableNow(int campaignId) {
        return telephony.placeableNow(campaignId);
    }

    @Override
    public long coreRingTimerMillis(long ringTimeoutMillis) {
        return telephony.coreRingTimerMillis(ringTimeoutMillis);
    }

    @Override
    public void cancel(long callId) {
        telephony.cancel(callId);
    }

    @Override
    public void bridge(long callId, int agentId) {
        agentOfSlot.lazySet((int) callId & SLOT_MASK, agentId + 1);
        telephony.bridge(callId, agentId);
    }

    @Override
    public void hangUp(long callId) {
        telephony.hangUp(callId);
    }

    @Override
    public void abandon(long callId) {
        telephony.abandon(callId);
    }

    @Override
    public void amdSettings(int campaignId, io.pacer.engine.campaign.AmdSettings settings) {
        telephony.amdSettings(campaignId, settings);
    }

    @Override
    public void dropMessage(long callId) {
        telephony.dropMessage(callId);
    }

    @Override
    public void offerPreview(int agentId, long contactId, String number) {
        telephony.offerPreview(agentId, contactId, number);
    }

    // ---- adapter -> engine ----

    @Override
    public void callPlaced(long callId) {
        engine.callPlaced(callId);
    }

    @Override
    public void callRinging(long callId) {
        engine.callRinging(callId);
    }

    @Override
    public void callAnswered(long callId) {
        engine.callAnswered(callId);
    }

    @Override
    public void callFailed(long callId, CallOutcome outcome) {
        engine.callFailed(callId, outcome);
    }

    @Override
    public void callNotPlaced(long callId, long retryAfterMillis) {
        engine.callNotPlaced(callId, retryAfterMillis);
    }

    @Override
    public void callClassified(long callId, io.pacer.engine.call.AmdVerdict verdict, io.pacer.engine.call.AmdCause cause,
                               int decisionMillis) {
        engine.callClassified(callId, verdict, cause, decisionMillis);
    }

    @Override
    public void inboundOffered(long inboundKey, String dialledNumber, String callerNumber) {
        engine.inboundOffered(inboundKey, dialledNumber, callerNumber);
    }

    @Override
    public void acceptInbound(long inboundKey, long callId, int campaignId) {
        telephony.acceptInbound(inboundKey, callId, campaignId);
    }

    @Override
    public void refuseInbound(long inboundKey) {
        telephony.refuseInbound(inboundKey);
    }

    @Override
    public void callEnded(long callId) {
        engine.callEnded(callId);
        int agent = agentOfSlot.getAndSet((int) callId & SLOT_MASK, 0) - 1;
        if (agent >= 0) {
            engine.agentReady(agent);
        }
    }

    @Override
    public void agentLogin(int agentId, int campaignId) {
        engine.agentLogin(agentId, campaignId);
    }

    @Override
    public void agentLogout(int agentId) {
        engine.agentLogout(agentId);
    }

    @Override
    public void agentReady(int agentId) {
        engine.agentReady(agentId);
    }

    @Override
    public void agentPause(int agentId) {
        engine.agentPause(agentId);
    }

    @Override
    public void agentHangUp(int agentId) {
        engine.agentHangUp(agentId);
    }

    @Override
    public void agentLost(int agentId) {
        engine.agentLost(agentId);
    }

    @Override
    public void previewRequested(int agentId) {
        engine.previewRequested(agentId);
    }

    @Override
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        engine.previewAnswered(agentId, contactId, answer);
    }

    @Override
    public void timer(int kind, long ref) {
        engine.timer(kind, ref);
    }

    @Override
    public void command(EngineCommand command) {
        engine.command(command);
    }
}
