package io.pacer.store.journal;

import io.pacer.engine.call.AmdAction;
import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallRecord;

/**
 * A mutable copy of a {@link CallRecord} held by the journal between the core's thread and the writer thread;
 * the journal pre-allocates these, so recording a call allocates nothing on the core's thread. The same slot also
 * carries the earlier news that a call was placed ({@link #placedOnly}), so both reach storage in the core's order.
 */
public final class FinishedCall {
    /** Only the call's placement (its INVITE left); no outcome yet. */
    boolean placedOnly;
    /** Only the news that the agent's wrap-up after the call ran to the limit ({@link #agentId} the agent). */
    boolean wrapUpExpiredOnly;
    long callId;
    long campaignId;
    long contactId;
    String number;
    String callerId;
    long agentId;
    CallOutcome outcome;
    long startMillis;
    long answerMillis;
    long endMillis;
    AmdVerdict amdVerdict;
    AmdCause amdCause;
    int amdDecisionMillis;
    AmdAction amdAction;
    /** A customer's call to the campaign (blending): {@link #number} is the caller's, {@link #callerId} the one dialled. */
    boolean inbound;
    /** Answer to the abandon message's first packet, in microseconds; -1 when no message played. */
    long messageLatencyMicros = -1;

    /** Copies what the journal keeps of a record, turning the core's nanosecond times into wall-clock millis. */
    void copyFrom(CallRecord r) {
        placedOnly = false;
        wrapUpExpiredOnly = false;
        callId = r.callId;
        campaignId = r.campaignId;
        contactId = r.contactId;
        number = r.number;
        callerId = r.callerId;
        agentId = r.agentId;
        outcome = r.outcome;
        startMillis = r.startEpochMillis;
        answerMillis = r.answerNanos < 0 ? -1 : r.startEpochMillis + (r.answerNanos - r.dialNanos) / 1_000_000;
        endMillis = r.startEpochMillis + Math.max(0, r.endNanos - r.dialNanos) / 1_000_000;
        amdVerdict = r.amdVerdict;
        amdCause = r.amdCause;
        amdDecisionMillis = r.amdDecisionMillis;
        amdAction = r.amdAction;
        inbound = r.inbound;
        messageLatencyMicros = -1;
    }

    /** Holds the placement of a call: which contact's call left, and nothing else. */
    void placed(long placedCallId, long placedCampaignId, long placedContactId) {
        placedOnly = true;
        wrapUpExpiredOnly = false;
        callId = placedCallId;
        campaignId = placedCampaignId;
        contactId = placedContactId;
        number = null;
        agentId = -1;
        outcome = null;
        inbound = false;
        messageLatencyMicros = -1;
    }

    /** Holds the news that the agent's wrap-up after the call ran to the campaign's limit. */
    void wrapUpExpired(long expiredCallId, long expiredCampaignId, int agent) {
        placedOnly = false;
        wrapUpExpiredOnly = true;
        callId = expiredCallId;
        campaignId = expiredCampaignId;
        contactId = -1;
        number = null;
        agentId = agent;
        outcome = null;
        messageLatencyMicros = -1;
    }

    /** Copies another instance (the writer takes a private copy before it frees the slot). */
    void copyFrom(FinishedCall o) {
        placedOnly = o.placedOnly;
        wrapUpExpiredOnly = o.wrapUpExpiredOnly;
        callId = o.callId;
        campaignId = o.campaignId;
        contactId = o.contactId;
        number = o.number;
        callerId = o.callerId;
        agentId = o.agentId;
        outcome = o.outcome;
        startMillis = o.startMillis;
        answerMillis = o.answerMillis;
        endMillis = o.endMillis;
        amdVerdict = o.amdVerdict;
        amdCause = o.amdCause;
        amdDecisionMillis = o.amdDecisionMillis;
        amdAction = o.amdAction;
        inbound = o.inbound;
        messageLatencyMicros = o.messageLatencyMicros;
    }
}
