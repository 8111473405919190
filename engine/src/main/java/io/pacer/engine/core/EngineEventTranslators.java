package io.pacer.engine.core;

import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;

/**
 * The one translator per kind of event, in the style of the Disruptor's {@code EventTranslator}: each writes the
 * type, the publication time and the named fields of its event into a claimed slot, and nothing else. Every
 * publisher (the ring, the direct input of the simulator, the polled timers) fills slots only through these,
 * so an event kind is written the same way wherever it comes from.
 *
 * <p>Static methods over primitives rather than the Disruptor's generic {@code EventTranslatorOneArg}: its
 * {@code Object} arguments would box every call id, an allocation per event. They only assign fields, so
 * nothing between a slot's claim and its publication can throw and leave the ring stalled.
 */
public final class EngineEventTranslators {

    private EngineEventTranslators() {
    }

    /** {@link EngineInput#callPlaced}. */
    public static void callPlaced(EngineEvent e, long publishedNanos, long callId) {
        e.type = EventType.CALL_PLACED;
        e.publishedNanos = publishedNanos;
        e.callId = callId;
    }

    /** {@link EngineInput#callRinging}. */
    public static void callRinging(EngineEvent e, long publishedNanos, long callId) {
        e.type = EventType.CALL_RINGING;
        e.publishedNanos = publishedNanos;
        e.callId = callId;
    }

    /** {@link EngineInput#callAnswered}: {@code publishedNanos} is when the answer was seen. */
    public static void callAnswered(EngineEvent e, long publishedNanos, long callId) {
        e.type = EventType.CALL_ANSWERED;
        e.publishedNanos = publishedNanos;
        e.callId = callId;
    }

    /** {@link EngineInput#callFailed}. */
    public static void callFailed(EngineEvent e, long publishedNanos, long callId, CallOutcome outcome) {
        e.type = EventType.CALL_FAILED;
        e.publishedNanos = publishedNanos;
        e.callId = callId;
        e.outcome = outcome;
    }

    /** {@link EngineInput#callNotPlaced}. */
    public static void callNotPlaced(EngineEvent e, long publishedNanos, long callId, long retryAfterMillis) {
        e.type = EventType.CALL_NOT_PLACED;
        e.publishedNanos = publishedNanos;
        e.callId = callId;
        e.retryAfterMillis = retryAfterMillis;
    }

    /** {@link EngineInput#callClassified}. */
    public static void callClassified(EngineEvent e, long publishedNanos, long callId, AmdVerdict verdict,
                                      AmdCause cause, int decisionMillis) {
        e.type = EventType.CALL_CLASSIFIED;
        e.publishedNanos = publishedNanos;
        e.callId = callId;
        e.amdVerdict = verdict;
        e.amdCause = cause;
        e.amdDecisionMillis = decisionMillis;
    }

    /** {@link EngineInput#inboundOffered}. */
    public static void inboundOffered(EngineEvent e, long publishedNanos, long inboundKey, String dialledNumber,
                                      String callerNumber) {
        e.type = EventType.INBOUND_OFFERED;
        e.publishedNanos = publishedNanos;
        e.inboundKey = inboundKey;
        e.dialledNumber = dialledNumber;
        e.callerNumber = callerNumber;
    }

    /** {@link EngineInput#callEnded}. */
    public static void callEnded(EngineEvent e, long publishedNanos, long callId) {
        e.type = EventType.CALL_ENDED;
        e.publishedNanos = publishedNanos;
        e.callId = callId;
    }

    /** {@link EngineInput#agentLogin}. */
    public static void agentLogin(EngineEvent e, long publishedNanos, int agentId, int campaignId) {
        e.type = EventType.AGENT_LOGIN;
        e.publishedNanos = publishedNanos;
        e.agentId = agentId;
        e.campaignId = campaignId;
    }

    /** {@link EngineInput#agentLogout}. */
    public static void agentLogout(EngineEvent e, long publishedNanos, int agentId) {
        agentEvent(e, EventType.AGENT_LOGOUT, publishedNanos, agentId);
    }

    /** {@link EngineInput#agentReady}. */
    public static void agentReady(EngineEvent e, long publishedNanos, int agentId) {
        agentEvent(e, EventType.AGENT_READY, publishedNanos, agentId);
    }

    /** {@link EngineInput#agentPause}. */
    public static void agentPause(EngineEvent e, long publishedNanos, int agentId, int reasonCode) {
        agentEvent(e, EventType.AGENT_PAUSE, publishedNanos, agentId);
        e.pauseReason = reasonCode;
    }

    /** {@link EngineInput#agentHangUp}. */
    public static void agentHangUp(EngineEvent e, long publishedNanos, int agentId) {
        agentEvent(e, EventType.AGENT_HANG_UP, publishedNanos, agentId);
    }

    /** {@link EngineInput#agentLost}. */
    public static void agentLost(EngineEvent e, long publishedNanos, int agentId) {
        agentEvent(e, EventType.AGENT_LOST, publishedNanos, agentId);
    }

    /** {@link EngineInput#previewRequested}. */
    public static void previewRequested(EngineEvent e, long publishedNanos, int agentId) {
        agentEvent(e, EventType.PREVIEW_REQUESTED, publishedNanos, agentId);
    }

    /** {@link EngineInput#previewAnswered}. */
    public static void previewAnswered(EngineEvent e, long publishedNanos, int agentId, long contactId,
                                       PreviewAnswer answer, String callerId) {
        e.type = EventType.PREVIEW_ANSWERED;
        e.publishedNanos = publishedNanos;
        e.agentId = agentId;
        e.contactId = contactId;
        e.previewAnswer = answer;
        e.callerId = callerId;
    }

    /** {@link EngineInput#timer}: {@code publishedNanos} is the deadline when the timers know it. */
    public static void timer(EngineEvent e, long publishedNanos, int timerKind, long timerRef) {
        e.type = EventType.TIMER;
        e.publishedNanos = publishedNanos;
        e.timerKind = timerKind;
        e.timerRef = timerRef;
    }

    /** {@link EngineInput#command}; the consumer clears the reference once the command has run. */
    public static void command(EngineEvent e, long publishedNanos, EngineCommand command) {
        e.type = EventType.COMMAND;
        e.publishedNanos = publishedNanos;
        e.command = command;
    }

    private static void agentEvent(EngineEvent e, EventType type, long publishedNanos, int agentId) {
        e.type = type;
        e.publishedNanos = publishedNanos;
        e.agentId = agentId;
    }
}
