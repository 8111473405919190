package io.pacer.engine.core;

/**
 * One slot of the core's ring: a mutable, pre-allocated event that publishers fill and the core reads. The
 * fields used depend on {@link #type}; unused ones keep stale values and are not read.
 */
public final class EngineEvent {
    /** What happened. */
    public EventType type;
    /** Call concerned (call events), or the timer's reference. */
    public long callId;
    /** Agent concerned (agent and preview events), or the timer's kind. */
    public int agentId;
    /** Campaign concerned (login). */
    public int campaignId;
    /** Outcome ordinal (failures) or preview answer ordinal. */
    public int code;
    /** Contact concerned (preview). */
    public long contactId;
    /** When the publisher saw it happen, on the engine clock (answer-to-bridge latency starts here). */
    public long publishedNanos;
    /** Operator command (rare). */
    public EngineCommand command;
}
