package io.pacer.engine.core;

import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;

/**
 * One slot of the core's ring: a mutable, pre-allocated event that publishers fill and the core reads. Each
 * meaning has its own named field, written by the one translator of its {@link #type} in
 * {@link EngineEventTranslators}; fields another type uses keep stale values and are not read. Reusing slots
 * rather than allocating an event per message is what keeps the hot path free of garbage.
 */
public final class EngineEvent {
    /** What happened. */
    public EventType type;
    /** When the publisher saw it happen, on the engine clock (the core's share of answer-to-bridge starts here). */
    public long publishedNanos;
    /** Call concerned (call events). */
    public long callId;
    /** How the call ended before an answer ({@link EventType#CALL_FAILED}). */
    public CallOutcome outcome;
    /** How long the campaign places no call after one the adapter could not place ({@link EventType#CALL_NOT_PLACED}). */
    public long retryAfterMillis;
    /** What the media analysis heard ({@link EventType#CALL_CLASSIFIED}). */
    public AmdVerdict amdVerdict;
    /** Why it decided ({@link EventType#CALL_CLASSIFIED}). */
    public AmdCause amdCause;
    /** Audio analysed when it decided, ms ({@link EventType#CALL_CLASSIFIED}). */
    public int amdDecisionMillis;
    /** Agent concerned (agent and preview events). */
    public int agentId;
    /** Campaign the agent logs in to ({@link EventType#AGENT_LOGIN}). */
    public int campaignId;
    /** Why the agent pauses ({@link EventType#AGENT_PAUSE}): a code, 0 when none was given. */
    public int pauseReason;
    /** Contact the agent previewed ({@link EventType#PREVIEW_ANSWERED}). */
    public long contactId;
    /** The agent's answer to the preview ({@link EventType#PREVIEW_ANSWERED}). */
    public PreviewAnswer previewAnswer;
    /** The display number the agent chose for an accepted preview ({@link EventType#PREVIEW_ANSWERED}), or {@code null}. */
    public String callerId;
    /** The adapter's key for an inbound call not yet taken by the core ({@link EventType#INBOUND_OFFERED}). */
    public long inboundKey;
    /** The number the customer dialled, E.164 ({@link EventType#INBOUND_OFFERED}). */
    public String dialledNumber;
    /** The customer's number as the carrier sent it ({@link EventType#INBOUND_OFFERED}). */
    public String callerNumber;
    /** Which timer fired ({@link EventType#TIMER}): one of {@link TimerKind}. */
    public int timerKind;
    /** What the timer guards ({@link EventType#TIMER}): a call id, or unused for the pacing tick. */
    public long timerRef;
    /** Operator command ({@link EventType#COMMAND}; rare). */
    public EngineCommand command;
}
