package io.pacer.sip;

import io.pacer.sip.trunk.TrunkTimer;

/**
 * One slot of the adapter's work ring: either a command from the engine (dial, bridge, ...), a SIP event from
 * the stack, or a wake-up from the trunk's timers. Slots are allocated once and reused, so the engine's thread
 * publishes a command without allocating. Each field has one meaning; which fields a kind fills is listed by
 * the kind.
 */
final class SipWork {
    /** {@link #callId}, {@link #campaignId}, {@link #contactId}, {@link #number}, {@link #callerId}, {@link #ringTimeoutMillis}. */
    static final int DIAL = 1;
    /** {@link #callId}. */
    static final int CANCEL = 2;
    /** {@link #callId}, {@link #agentId}. */
    static final int BRIDGE = 3;
    /** {@link #callId}. */
    static final int HANG_UP = 4;
    /** {@link #callId}. */
    static final int ABANDON = 5;
    /** {@link #agentId}, {@link #contactId}, {@link #number}. */
    static final int OFFER_PREVIEW = 6;
    /** Engine: a machine answered; drop the campaign's message after its beep ({@link #callId}). */
    static final int DROP_MESSAGE = 7;
    /** The engine takes an inbound call ({@link #inboundKey}) as {@link #callId} of {@link #campaignId}. */
    static final int ACCEPT_INBOUND = 8;
    /** The engine refuses an inbound call ({@link #inboundKey}). */
    static final int REFUSE_INBOUND = 9;
    /** {@link #event} (a {@code RequestEvent}), {@link #arrivalNanos}. */
    static final int SIP_REQUEST = 10;
    /** {@link #event} (a {@code ResponseEvent}), {@link #arrivalNanos}. */
    static final int SIP_RESPONSE = 11;
    /** {@link #event} (a {@code TimeoutEvent}). */
    static final int SIP_TIMEOUT = 12;
    /** {@link #event} (a {@code DialogTimeoutEvent}). */
    static final int SIP_DIALOG_TIMEOUT = 14;
    /** {@link #callId}, {@link #trunkTimer}, {@link #timerGeneration}. */
    static final int TRUNK_TIMER = 20;
    /** Nothing: a trunk's calls-per-second budget refilled. */
    static final int TRUNK_TICK = 21;
    /** {@link #event} (a {@code Runnable} to run on the worker). */
    static final int TASK = 22;

    int kind;
    /** The adapter's key of an inbound call the engine has not taken yet (ACCEPT_INBOUND, REFUSE_INBOUND). */
    long inboundKey;
    long callId;
    int campaignId;
    long contactId;
    String number;
    /** The caller id a dial asks for, or {@code null} for the trunk's. */
    String callerId;
    long ringTimeoutMillis;
    int agentId;
    TrunkTimer trunkTimer;
    /** The generation the trunk timer was armed at, so that a replaced one is ignored. */
    long timerGeneration;
    long arrivalNanos;
    Object event;

    /** Drops the references a slot holds, so that a used slot keeps no message or task alive. */
    void clear() {
        kind = 0;
        number = null;
        callerId = null;
        trunkTimer = null;
        event = null;
    }
}
