package io.pacer.store.contact;

/** Where a contact is in its campaign's list. */
public enum ContactState {
    /** Due at its next-due time. */
    READY,
    /** Handed to the hopper or being dialled: marked before the core gets it, so a crash cannot lose it. */
    DIALING,
    /** Answered and connected; the agent has not recorded an outcome yet. */
    AWAITING_OUTCOME,
    /** A callback is scheduled: due at the callback's time, to its owner when personal. */
    CALLBACK,
    /** Left the list (done, no interest, do not call); {@code closedReason} says why. */
    CLOSED,
    /** The retry rules or the attempt limit are used up. */
    EXHAUSTED,
    /**
     * No longer in the list since a REPLACE import whose file left its number out: kept with its history and
     * callbacks, never dialled; a later import that holds the number again makes it READY.
     */
    ARCHIVED
}
