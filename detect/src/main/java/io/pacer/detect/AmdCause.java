package io.pacer.detect;

/** Why the answering-machine state machine decided, in the terms of app_amd's {@code AMDCAUSE}. */
public enum AmdCause {
    /** No decision yet. */
    NONE,
    /** Speech then silence for the after-greeting allowance: HUMAN. */
    HUMAN,
    /** No speech within the initial silence allowance: SILENCE (app_amd books it MACHINE). */
    INITIAL_SILENCE,
    /** Speech for longer than the greeting allowance: MACHINE. */
    LONG_GREETING,
    /** More words than allowed: MACHINE. */
    MAX_WORDS,
    /** One word longer than allowed: MACHINE. */
    MAX_WORD_LENGTH,
    /** The analysis time ran out: NOTSURE. */
    TOO_LONG
}
