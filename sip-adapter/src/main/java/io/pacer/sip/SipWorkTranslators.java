package io.pacer.sip;

import io.pacer.sip.trunk.TrunkTimer;

/**
 * The one translator per kind of {@link SipWork}, in the style of the engine's {@code EngineEventTranslators}:
 * each writes the kind and the fields its kind lists into a claimed slot, and nothing else. {@link SipWorkRing}
 * fills slots only through these, so a kind of work is written the same way whoever publishes it. Static methods
 * over primitives, so a call id is never boxed; they only assign, so nothing can throw between claim and publish.
 */
final class SipWorkTranslators {

    private SipWorkTranslators() {
    }

    static void dial(SipWork w, long callId, int campaignId, long contactId, String number, String callerId,
            long ringTimeoutMillis) {
        w.kind = SipWork.DIAL;
        w.callId = callId;
        w.campaignId = campaignId;
        w.contactId = contactId;
        w.number = number;
        w.callerId = callerId;
        w.ringTimeoutMillis = ringTimeoutMillis;
    }

    /** {@link SipWork#CANCEL}, {@link SipWork#BRIDGE}, {@link SipWork#HANG_UP}, {@link SipWork#ABANDON}. */
    static void callCommand(SipWork w, int kind, long callId, int agentId) {
        w.kind = kind;
        w.callId = callId;
        w.agentId = agentId;
    }

    /** The engine's answer to an inbound call: taken as {@code callId} of {@code campaignId}, or refused. */
    static void inbound(SipWork w, int kind, long inboundKey, long callId, int campaignId) {
        w.kind = kind;
        w.inboundKey = inboundKey;
        w.callId = callId;
        w.campaignId = campaignId;
    }

    static void previewOffer(SipWork w, int agentId, long contactId, String number) {
        w.kind = SipWork.OFFER_PREVIEW;
        w.agentId = agentId;
        w.contactId = contactId;
        w.number = number;
    }

    /** A SIP message or timeout from the stack, or a {@link SipWork#TASK}. */
    static void event(SipWork w, int kind, Object event, long arrivalNanos) {
        w.kind = kind;
        w.event = event;
        w.arrivalNanos = arrivalNanos;
    }

    static void trunkTimer(SipWork w, long callId, TrunkTimer timer, long generation) {
        w.kind = SipWork.TRUNK_TIMER;
        w.callId = callId;
        w.trunkTimer = timer;
        w.timerGeneration = generation;
    }

    static void trunkTick(SipWork w) {
        w.kind = SipWork.TRUNK_TICK;
    }
}
