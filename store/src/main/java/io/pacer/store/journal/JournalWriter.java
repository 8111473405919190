package io.pacer.store.journal;

import io.pacer.store.db.Database;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The journal consumer: the core's {@link CallJournal}. {@link #record} copies the call into a pre-allocated
 * slot of a single-producer ring ({@link JournalQueue}) and returns; the writer thread takes what has accumulated
 * and writes it in one transaction (activities, cases, contact states by the retry rules). The core never waits
 * on the database.
 *
 * <p>If the writer falls so far behind that the ring is full, records go to an unbounded overflow queue
 * (allocating, but never dropping a call), and the writer still takes every call in the order it was recorded.
 * If the database fails, the batch is retried until it commits. A record still in memory when the process dies
 * is not lost for the list: its contact is still DIALING, and crash recovery records the call as interrupted.
 */
public final class JournalWriter implements CallJournal, AutoCloseable {

    private static final int CAPACITY = 1 << 14;
    private static final int BATCH = 512;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long RETRY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Database db;
    private final JournalQueue queue = new JournalQueue(CAPACITY);
    private final AtomicLong written = new AtomicLong();
    private final MessageLatencies latencies = new MessageLatencies();
    private final CallResults results;
    private final Thread thread;
    private volatile boolean stopping;

    /** Starts the writer thread; {@code outcomes} records a campaign's automatic outcome at the wrap-up limit. */
    public JournalWriter(Database db, OutcomeRecorder outcomes) {
        this.db = db;
        this.results = new CallResults(latencies, outcomes);
        thread = new Thread(this::run, "pacer-journal-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where the SIP adapter reports abandoned calls' message latencies, for their attempt records. */
    public MessageLatencies messageLatencies() {
        return latencies;
    }

    @Override
    public void record(CallRecord record) {
        queue.record(record);
    }

    /** Queues the news that a wrap-up ran to its limit: the campaign's automatic outcome, if any, is recorded. */
    @Override
    public void wrapUpExpired(long callId, long campaignId, int agentId) {
        queue.wrapUpExpired(callId, campaignId, agentId);
    }

    /** Queues the mark that the call was placed; it reaches the contact's row before the call's record does. */
    @Override
    public void placed(long callId, long campaignId, long contactId) {
        queue.placed(callId, campaignId, contactId);
    }

    /** Entries (finished calls and placements) recorded but not yet committed (a gauge for metrics). */
    public long backlog() {
        return queue.recorded() - written.get();
    }

    /**
     * Waits until every call recorded before this call is committed, or the timeout passes.
     *
     * @return whether everything was committed in time
     */
    public boolean flush(long timeoutMillis) {
        long target = queue.recorded();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (written.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    private void run() {
        List<FinishedCall> batch = new ArrayList<>(BATCH);
        List<FinishedCall> spare = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            spare.add(new FinishedCall());
        }
        while (true) {
            if (queue.drainTo(batch, spare, BATCH) == 0) {
                applyLatencies();
                if (stopping) {
                    return;
                }
                LockSupport.parkNanos(IDLE_PARK_NANOS);
                continue;
            }
            writeUntilCommitted(batch);
            written.addAndGet(batch.size());
            batch.clear();
        }
    }

    private void applyLatencies() {
        try {
            latencies.applyWaiting(db);
        } catch (RuntimeException e) {
            // The figures stay waiting; the next idle turn tries again.
            LockSupport.parkNanos(RETRY_PARK_NANOS);
        }
    }

    private void writeUntilCommitted(List<FinishedCall> batch) {
        while (true) {
            try {
                db.write(c -> {
                    results.apply(c, batch);
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                // Calls must not be dropped: wait for the database and try the same batch again.
                LockSupport.parkNanos(RETRY_PARK_NANOS);
            }
        }
    }

    /** Writes what is queued, then stops the writer thread. */
    @Override
    public void close() {
        flush(10_000);
        stopping = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
