package io.pacer.engine.call;

/**
 * What the media analysis heard on a call (docs/amd.md): a person, a machine, neither in time, or a
 * call-progress signal (fax, busy, a special information tone). The engine's copy of the detector's verdicts,
 * so that the core depends on no signal processing; the adapter maps one to the other by name.
 */
public enum AmdVerdict {
    /** A person answered. */
    HUMAN,
    /** An answering machine or voicemail greeting. */
    MACHINE,
    /** The analysis ran out of time without a verdict. */
    NOTSURE,
    /** Nothing but silence for the whole initial-silence allowance. */
    SILENCE,
    /** A fax or modem tone. */
    FAX,
    /** Busy tone (a carrier that plays it instead of sending 486). */
    BUSY,
    /** Congestion or reorder (fast busy) tone: the network cannot complete the call now. */
    CONGESTION,
    /** SIT vacant code: the number cannot exist. */
    SIT_VACANT,
    /** SIT intercept: number changed or disconnected. */
    SIT_INTERCEPT,
    /** SIT no circuit: network congestion. */
    SIT_NO_CIRCUIT,
    /** SIT reorder: equipment irregularity. */
    SIT_REORDER,
    /** Another three-tone SIT (the ITU 950/1400/1800 Hz one included). */
    SIT_OTHER;

    private static final AmdVerdict[] VALUES = values();

    /** The verdict with the given ordinal, without allocating (events carry verdicts as references). */
    public static AmdVerdict ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /**
     * True for the signals of the network rather than of the answerer (fax, busy, congestion, SIT): they end the call
     * whatever the campaign's actions, before or after the answer.
     */
    public boolean callProgress() {
        return ordinal() >= FAX.ordinal();
    }

    /**
     * The outcome of a call that this call-progress verdict ends: vacant and intercept SITs are a number that
     * does not work (never retried), the other SITs and congestion a network failure (retried), busy is busy,
     * fax is fax.
     */
    public CallOutcome outcome() {
        return switch (this) {
            case FAX -> CallOutcome.FAX;
            case BUSY -> CallOutcome.BUSY;
            case SIT_VACANT, SIT_INTERCEPT -> CallOutcome.INVALID_NUMBER;
            case CONGESTION, SIT_NO_CIRCUIT, SIT_REORDER, SIT_OTHER -> CallOutcome.FAILURE;
            case MACHINE -> CallOutcome.MACHINE;
            default -> throw new IllegalStateException(this + " does not end a call by itself");
        };
    }

    /** True when the number can never reach anyone (vacant, intercept): its contact is not retried. */
    public boolean deadNumber() {
        return this == SIT_VACANT || this == SIT_INTERCEPT;
    }
}
