package io.pacer.engine.call;

/**
 * Why the answering-machine analysis decided, in the terms of Asterisk app_amd's {@code AMDCAUSE}; the engine's
 * copy of the detector's causes, stored with each verdict so that an operator can audit false positives.
 */
public enum AmdCause {
    /** A call-progress tone decided, or no cause is known. */
    NONE,
    /** Speech then silence for the after-greeting allowance: HUMAN. */
    HUMAN,
    /** No speech within the initial silence allowance: SILENCE. */
    INITIAL_SILENCE,
    /** Speech for longer than the greeting allowance: MACHINE. */
    LONG_GREETING,
    /** More words than allowed: MACHINE. */
    MAX_WORDS,
    /** One word longer than allowed: MACHINE. */
    MAX_WORD_LENGTH,
    /** The analysis time ran out: NOTSURE. */
    TOO_LONG,
    /** The campaign's connect limit (or the analysis time, with no media) came first: the core decided NOTSURE. */
    DEADLINE;

    private static final AmdCause[] VALUES = values();

    /** The cause with the given ordinal, without allocating. */
    public static AmdCause ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
