package io.pacer.store.journal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Abandoned calls' message latencies on their way into the attempt record: the SIP adapter reports when the
 * message began (on its own thread, before it tells the core the call ended), and the journal writer takes the
 * figure when it writes that call's activity, so each abandoned call's record carries its answer-to-message time
 * (issue 12). A map by call id rather than a field of the core's record: only abandoned calls have one, and the
 * core's per-event path stays as it was. Call ids carry a sequence, so an id is not reused while its figure waits.
 */
public final class MessageLatencies {
    private final ConcurrentHashMap<Long, Long> byCall = new ConcurrentHashMap<>();

    /** The message of call {@code callId} began {@code latencyMicros} after the carrier's 200 OK. */
    public void record(long callId, long latencyMicros) {
        byCall.put(callId, latencyMicros);
    }

    /** Takes the latency recorded for {@code callId}, or -1 when its call played no message. */
    long take(long callId) {
        if (byCall.isEmpty()) {
            return -1;
        }
        Long v = byCall.remove(callId);
        return v == null ? -1 : v;
    }

    /** Figures waiting for their call's record (a gauge; stays near zero). */
    public int waiting() {
        return byCall.size();
    }
}
