package io.pacer.engine.core;

/** The agent's answer to a previewed contact (preview and push-preview modes). */
public enum PreviewAnswer {
    /** Dial it now for this agent. */
    ACCEPT,
    /** Skip / call later: the contact goes back to the list. */
    SKIP,
    /** Do not call: the contact leaves the list and enters the do-not-call list. */
    DO_NOT_CALL
}
