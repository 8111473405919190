package io.pacer.sip;

/**
 * One slot of the adapter's work ring: either a command from the engine (dial, bridge, ...) or a SIP event
 * from the stack. Slots are allocated once and reused, so the engine's thread publishes a command without
 * allocating.
 */
final class SipWork {
    static final int DIAL = 1;
    static final int CANCEL = 2;
    static final int BRIDGE = 3;
    static final int HANG_UP = 4;
    static final int ABANDON = 5;
    static final int OFFER_PREVIEW = 6;
    static final int SIP_REQUEST = 10;
    static final int SIP_RESPONSE = 11;
    static final int SIP_TIMEOUT = 12;
    static final int SIP_IO_ERROR = 13;
    static final int SIP_DIALOG_TIMEOUT = 14;
    static final int RING_TIMEOUT = 20;
    static final int TRUNK_TICK = 21;
    static final int TASK = 22;

    int kind;
    long callId;
    int campaignId;
    long contactId;
    String number;
    String text;
    long millis;
    int agentId;
    long arrivalNanos;
    Object event;

    void clear() {
        kind = 0;
        number = null;
        text = null;
        event = null;
    }
}
