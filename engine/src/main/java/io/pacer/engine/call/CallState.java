package io.pacer.engine.call;

/** Where a call is in its life; a call slot returns to the pool when the call is recorded. */
public enum CallState {
    /** Slot unused. */
    FREE,
    /** INVITE sent, no answer yet. */
    DIALING,
    /** The far end is ringing (or sent early media). */
    RINGING,
    /** The engine cancelled it (ring timeout); waiting for the adapter to confirm. */
    CANCELLING,
    /** A person answered; waiting (within the connect limit) for an agent. */
    ANSWERED,
    /** Connected to an agent. */
    BRIDGED,
    /**
     * Answered on a campaign with answering-machine detection: held from agents while the media is analysed,
     * still counted in flight by the pacing, until a verdict (or the connect limit) says what it is.
     */
    DETECTING,
    /** Inbound: the customer's call rings (180) in the campaign's queue until an agent is free or its wait ends. */
    QUEUED
}
