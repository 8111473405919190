package io.pacer.store.journal;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Abandoned calls' message latencies on their way into the attempt record (issue 12). The SIP adapter reports when
 * a call's message began on its own thread; the core usually wrote the call's record already (it journals an
 * abandoned call when it decides to abandon it, before the message plays), so the journal writer adds the figure
 * to the stored activity; should the figure come first, the writer puts it in the record as it writes it. A map
 * by call id rather than a field of the core's record: only abandoned calls have one, and the core's per-event
 * path stays as it was. Call ids carry a sequence, so an id is not reused while its figure waits; a figure whose
 * call never reaches the journal is dropped after {@link #KEEP_NANOS}.
 */
public final class MessageLatencies {
    /** How long a figure waits for its call's record. */
    static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Latency (microseconds) and when it was reported ({@link System#nanoTime}). */
    private record Figure(long latencyMicros, long reportedNanos) {
    }

    private final ConcurrentHashMap<Long, Figure> byCall = new ConcurrentHashMap<>();
    private long lastTryNanos;

    /** The message of call {@code callId} began {@code latencyMicros} after the carrier's 200 OK. */
    public void record(long callId, long latencyMicros) {
        byCall.put(callId, new Figure(latencyMicros, System.nanoTime()));
    }

    /** Takes the latency recorded for {@code callId}, or -1 when none is waiting (writer thread). */
    long take(long callId) {
        if (byCall.isEmpty()) {
            return -1;
        }
        Figure f = byCall.remove(callId);
        return f == null ? -1 : f.latencyMicros;
    }

    /**
     * Adds the waiting figures to their calls' stored activities, at most every 50 ms (writer thread, when the
     * journal is idle); a figure whose record is not stored yet waits for it.
     */
    void applyWaiting(Database db) {
        long now = System.nanoTime();
        if (byCall.isEmpty() || now - lastTryNanos < RETRY_NANOS) {
            return;
        }
        lastTryNanos = now;
        db.write(c -> {
            for (Iterator<Map.Entry<Long, Figure>> it = byCall.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, Figure> e = it.next();
                // The newest activity of that call id: ids restart with the process, so an old one may share it.
                int updated = Jdbc.update(c, """
                        UPDATE activities SET message_latency_micros = ?
                        WHERE id = (SELECT MAX(id) FROM activities WHERE call_id = ?) AND message_latency_micros IS NULL""",
                        e.getValue().latencyMicros, e.getKey());
                if (updated > 0 || now - e.getValue().reportedNanos > KEEP_NANOS) {
                    it.remove();
                }
            }
            return null;
        });
    }

    /** Figures waiting for their call's record (a gauge; stays near zero). */
    public int waiting() {
        return byCall.size();
    }
}
