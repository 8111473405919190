package io.pacer.engine.core;

/** Kinds of timer the core schedules through the {@link io.pacer.engine.port.Timers} port. */
public final class TimerKind {
    /** A call has rung for the ring timeout: cancel it. Reference: call id. */
    public static final int RING_TIMEOUT = 1;
    /** An answered call has waited the connect limit: abandon it. Reference: call id. */
    public static final int CONNECT_LIMIT = 2;
    /** A cancelled call the adapter never confirmed: close it as unanswered. Reference: call id. */
    public static final int CANCEL_GUARD = 4;
    /** Regular pacing pass over every campaign. Reference: unused. */
    public static final int PACING_TICK = 3;
    /** A campaign's pacing pass that events asked for inside the coalescing window. Reference: campaign id. */
    public static final int PACING_DEFERRED = 5;
    /** A preview offer has waited the campaign's preview timeout: take it back. Reference: {@link AgentTimerRef}. */
    public static final int PREVIEW_TIMEOUT = 6;
    /** An agent has wrapped up for the campaign's wrap-up limit: make it ready. Reference: {@link AgentTimerRef}. */
    public static final int WRAP_UP_LIMIT = 7;

    /**
     * An answered call held for answering-machine detection reached its connect limit (or the analysis time with
     * no media) without a verdict: decided NOTSURE. Reference: call id.
     */
    public static final int AMD_LIMIT = 8;
    /** An inbound caller has waited the campaign's maximum wait in its queue; ref = call id. */
    public static final int INBOUND_MAX_WAIT = 9;

    private TimerKind() {
    }
}
