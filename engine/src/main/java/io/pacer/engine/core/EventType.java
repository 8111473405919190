package io.pacer.engine.core;

/** The kinds of event the core handles; one per {@link EngineInput} method. */
public enum EventType {
    CALL_PLACED, CALL_RINGING, CALL_ANSWERED, CALL_FAILED, CALL_NOT_PLACED, CALL_ENDED, CALL_CLASSIFIED,
    AGENT_LOGIN, AGENT_LOGOUT, AGENT_READY, AGENT_PAUSE, AGENT_HANG_UP, AGENT_LOST,
    PREVIEW_REQUESTED, PREVIEW_ANSWERED, TIMER, COMMAND
}
