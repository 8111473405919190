package io.pacer.engine.call;

/** What the core did with a call once its media analysis decided; stored with the verdict. */
public enum AmdAction {
    /** Passed on as a person: bridged to an agent, or waited for one within the connect limit. */
    AGENT,
    /** Hung up at once (a machine, or a call-progress tone). */
    HANG_UP,
    /** A machine: the adapter waits for the beep, plays the campaign's message, then hangs up. */
    MESSAGE_DROP,
    /** Not sure it is a machine: treated as a live answer with no agent: the abandon message, then hang up. */
    ABANDON;

    private static final AmdAction[] VALUES = values();

    /** The action with the given ordinal. */
    public static AmdAction ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
