package io.pacer.store.journal;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallRecord;

/**
 * A mutable copy of a {@link CallRecord} held by the journal between the core's thread and the writer thread;
 * the journal pre-allocates these, so recording a call allocates nothing on the core's thread.
 */
public final class FinishedCall {
    long callId;
    long campaignId;
    long contactId;
    String number;
    long agentId;
    CallOutcome outcome;
    long startMillis;
    long answerMillis;
    long endMillis;
    /** Answer to the abandon message's first packet, in microseconds; -1 when no message played. */
    long messageLatencyMicros = -1;

    /** Copies what the journal keeps of a record, turning the core's nanosecond times into wall-clock millis. */
    void copyFrom(CallRecord r) {
        callId = r.callId;
        campaignId = r.campaignId;
        contactId = r.contactId;
        number = r.number;
        agentId = r.agentId;
        outcome = r.outcome;
        startMillis = r.startEpochMillis;
        answerMillis = r.answerNanos < 0 ? -1 : r.startEpochMillis + (r.answerNanos - r.dialNanos) / 1_000_000;
        endMillis = r.startEpochMillis + Math.max(0, r.endNanos - r.dialNanos) / 1_000_000;
        messageLatencyMicros = -1;
    }

    /** Copies another instance (the writer takes a private copy before it frees the slot). */
    void copyFrom(FinishedCall o) {
        callId = o.callId;
        campaignId = o.campaignId;
        contactId = o.contactId;
        number = o.number;
        agentId = o.agentId;
        outcome = o.outcome;
        startMillis = o.startMillis;
        answerMillis = o.answerMillis;
        endMillis = o.endMillis;
        messageLatencyMicros = o.messageLatencyMicros;
    }
}
