package io.pacer.store.campaign;

import io.pacer.engine.call.CallOutcome;

/** The outcomes that retry rules are set for: each has its own delay and maximum of attempts. */
public enum RetryClass {
    /** The line was busy. */
    BUSY,
    /** Nobody answered in time (or a machine, or the customer hung up before an agent came). */
    NO_ANSWER,
    /** The network failed, or the call was interrupted by a crash or stop. */
    FAILURE,
    /** The number does not work (or is a fax), or the agent recorded "not reachable". */
    NOT_REACHABLE;

    /** The retry class of an unconnected call's outcome. */
    public static RetryClass of(CallOutcome outcome) {
        return switch (outcome) {
            case BUSY -> BUSY;
            case NO_ANSWER, MACHINE, ABANDONED, CUSTOMER_HUNG_UP -> NO_ANSWER;
            case INVALID_NUMBER, FAX -> NOT_REACHABLE;
            default -> FAILURE;
        };
    }

    /** The contacts column counting attempts of this class. */
    public String attemptsColumn() {
        return "attempts_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
