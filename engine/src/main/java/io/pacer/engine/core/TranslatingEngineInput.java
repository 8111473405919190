package io.pacer.engine.core;

import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.Clock;

/**
 * The one way an event is handed to the core: every {@link EngineInput} method claims a slot, writes its event
 * into it with {@link EngineEventTranslators}, stamped with the clock, and publishes the slot. Subclasses only
 * say what a slot is: a sequence of the Disruptor ring ({@link EngineRing}) or the one reused event of a
 * direct call on the caller's thread ({@link DirectEngineInput}). The trade-off of an abstract class over
 * composition is one level of inheritance, against writing the event methods once per publisher.
 */
public abstract class TranslatingEngineInput implements EngineInput {
    private final Clock clock;

    /** Stamps every event with {@code clock} at the moment its slot is claimed. */
    protected TranslatingEngineInput(Clock clock) {
        this.clock = clock;
    }

    /** Claims the next slot and returns its sequence; may wait until there is room. */
    protected abstract long claim();

    /** The event in a claimed slot. */
    protected abstract EngineEvent slot(long sequence);

    /** Hands the filled slot to the core. */
    protected abstract void publish(long sequence);

    @Override
    public final void callPlaced(long callId) {
        long seq = claim();
        EngineEventTranslators.callPlaced(slot(seq), clock.nowNanos(), callId);
        publish(seq);
    }

    @Override
    public final void callRinging(long callId) {
        long seq = claim();
        EngineEventTranslators.callRinging(slot(seq), clock.nowNanos(), callId);
        publish(seq);
    }

    @Override
    public final void callAnswered(long callId) {
        long seq = claim();
        EngineEventTranslators.callAnswered(slot(seq), clock.nowNanos(), callId);
        publish(seq);
    }

    @Override
    public final void callFailed(long callId, CallOutcome outcome) {
        long seq = claim();
        EngineEventTranslators.callFailed(slot(seq), clock.nowNanos(), callId, outcome);
        publish(seq);
    }

    @Override
    public final void callNotPlaced(long callId, long retryAfterMillis) {
        long seq = claim();
        EngineEventTranslators.callNotPlaced(slot(seq), clock.nowNanos(), callId, retryAfterMillis);
        publish(seq);
    }

    @Override
    public final void callClassified(long callId, AmdVerdict verdict, AmdCause cause, int decisionMillis) {
        long seq = claim();
        EngineEventTranslators.callClassified(slot(seq), clock.nowNanos(), callId, verdict, cause, decisionMillis);
        publish(seq);
    }

    @Override
    public final void callEnded(long callId) {
        long seq = claim();
        EngineEventTranslators.callEnded(slot(seq), clock.nowNanos(), callId);
        publish(seq);
    }

    @Override
    public final void inboundOffered(long inboundKey, String dialledNumber, String callerNumber) {
        long seq = claim();
        EngineEventTranslators.inboundOffered(slot(seq), clock.nowNanos(), inboundKey, dialledNumber, callerNumber);
        publish(seq);
    }

    @Override
    public final void agentLogin(int agentId, int campaignId) {
        long seq = claim();
        EngineEventTranslators.agentLogin(slot(seq), clock.nowNanos(), agentId, campaignId);
        publish(seq);
    }

    @Override
    public final void agentLogout(int agentId) {
        long seq = claim();
        EngineEventTranslators.agentLogout(slot(seq), clock.nowNanos(), agentId);
        publish(seq);
    }

    @Override
    public final void agentReady(int agentId) {
        long seq = claim();
        EngineEventTranslators.agentReady(slot(seq), clock.nowNanos(), agentId);
        publish(seq);
    }

    @Override
    public final void agentPause(int agentId) {
        agentPause(agentId, 0);
    }

    @Override
    public final void agentPause(int agentId, int reasonCode) {
        long seq = claim();
        EngineEventTranslators.agentPause(slot(seq), clock.nowNanos(), agentId, reasonCode);
        publish(seq);
    }

    @Override
    public final void agentHangUp(int agentId) {
        long seq = claim();
        EngineEventTranslators.agentHangUp(slot(seq), clock.nowNanos(), agentId);
        publish(seq);
    }

    @Override
    public final void agentLost(int agentId) {
        long seq = claim();
        EngineEventTranslators.agentLost(slot(seq), clock.nowNanos(), agentId);
        publish(seq);
    }

    @Override
    public final void previewRequested(int agentId) {
        long seq = claim();
        EngineEventTranslators.previewRequested(slot(seq), clock.nowNanos(), agentId);
        publish(seq);
    }

    @Override
    public final void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        previewAnswered(agentId, contactId, answer, null);
    }

    @Override
    public final void previewAnswered(int agentId, long contactId, PreviewAnswer answer, String callerId) {
        long seq = claim();
        EngineEventTranslators.previewAnswered(slot(seq), clock.nowNanos(), agentId, contactId, answer, callerId);
        publish(seq);
    }

    @Override
    public final void timer(int kind, long ref) {
        long seq = claim();
        EngineEventTranslators.timer(slot(seq), clock.nowNanos(), kind, ref);
        publish(seq);
    }

    @Override
    public final void command(EngineCommand command) {
        long seq = claim();
        EngineEventTranslators.command(slot(seq), clock.nowNanos(), command);
        publish(seq);
    }
}
