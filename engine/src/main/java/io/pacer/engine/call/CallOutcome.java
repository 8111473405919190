package io.pacer.engine.call;

/**
 * How a call ended, as recorded for the contact and the statistics. The SIP adapter maps final responses to
 * these (486/600 busy, 404/484/410 invalid, 480/503/408 and transport errors failure, 487 after our CANCEL no
 * answer).
 */
public enum CallOutcome {
    /** Answered by a person and connected to an agent. */
    CONNECTED,
    /** Answered by a person, no agent free within the connect limit: abandoned with the message. */
    ABANDONED,
    /** Answered, then the customer hung up before an agent was connected (inside the connect limit). */
    CUSTOMER_HUNG_UP,
    /** Busy (486, 600). */
    BUSY,
    /** Rang until the ring timeout and was cancelled. */
    NO_ANSWER,
    /** Number does not exist (404, 484, 410). */
    INVALID_NUMBER,
    /** Network failure (480, 503, 408, transport error). */
    FAILURE,
    /** Answered by a machine (answering-machine detection). */
    MACHINE,
    /** Cancelled by the engine for another reason than the ring timeout (campaign stopped). */
    CANCELLED,
    /** The call was in flight when the engine stopped or crashed. */
    INTERRUPTED,
    /** Answered by a fax or modem (call-progress detection): hung up, marked. */
    FAX;

    private static final CallOutcome[] VALUES = values();

    /** The outcome with the given ordinal, without allocating (events carry outcomes as ints). */
    public static CallOutcome ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** True when a person answered: the denominator of the abandonment rate. */
    public boolean answeredByPerson() {
        return this == CONNECTED || this == ABANDONED || this == CUSTOMER_HUNG_UP;
    }
}
