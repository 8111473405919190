package io.pacer.pacing;

/** How a dialled call resolved, as far as pacing cares: a person answered, it failed fast, or it rang out. */
public enum DialResult {
    /** A person answered (the call then needs an agent). */
    ANSWERED,
    /** Busy, invalid number, network failure, machine: resolved without needing an agent. */
    NOT_ANSWERED,
    /** Rang until the ring timeout and was cancelled. */
    RANG_OUT
}
