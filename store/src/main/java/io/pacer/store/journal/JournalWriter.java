package io.pacer.store.journal;

import io.pacer.store.db.Database;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The journal consumer: the core's {@link CallJournal}. {@link #record} copies the call into a pre-allocated
 * slot of a single-producer ring and returns; the writer thread takes what has accumulated and writes it in one
 * transaction (activities, cases, contact states by the retry rules). The core never waits on the database.
 *
 * <p>If the writer falls so far behind that the ring is full, records go to an unbounded overflow queue
 * (allocating, but never dropping a call). If the database fails, the batch is retried until it commits.
 * A record still in memory when the process dies is not lost for the list: its contact is still DIALING, and
 * crash recovery records the call as interrupted.
 */
public final class JournalWriter implements CallJournal, AutoCloseable {

    private static final int CAPACITY = 1 << 14;
    private static final int BATCH = 512;

    private final Database db;
    private final FinishedCall[] slots = new FinishedCall[CAPACITY];
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private final Queue<FinishedCall> overflow = new ConcurrentLinkedQueue<>();
    private final CallResults results = new CallResults();
    private final Thread thread;
    private long producerSequence;
    private volatile boolean stopping;

    /** Starts the writer thread. */
    public JournalWriter(Database db) {
        this.db = db;
        for (int i = 0; i < CAPACITY; i++) {
            slots[i] = new FinishedCall();
        }
        thread = new Thread(this::run, "pacer-journal-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void record(CallRecord record) {
        long seq = producerSequence;
        if (seq - consumed.get() >= CAPACITY) {
            FinishedCall copy = new FinishedCall();
            copy.copyFrom(record);
            overflowed.incrementAndGet();
            overflow.add(copy);
            return;
        }
        slots[(int) (seq & (CAPACITY - 1))].copyFrom(record);
        producerSequence = seq + 1;
        published.lazySet(seq + 1);
    }

    /** Calls recorded but not yet committed (a gauge for metrics). */
    public long backlog() {
        return published.get() + overflowed.get() - written.get();
    }

    /**
     * Waits until every call recorded before this call is committed, or the timeout passes.
     *
     * @return whether everything was committed in time
     */
    public boolean flush(long timeoutMillis) {
        long target = published.get() + overflowed.get();
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
            long from = consumed.get();
            long to = Math.min(published.get(), from + BATCH);
            for (long s = from; s < to; s++) {
                FinishedCall copy = spare.get((int) (s - from));
                copy.copyFrom(slots[(int) (s & (CAPACITY - 1))]);
                batch.add(copy);
            }
            consumed.lazySet(to);
            FinishedCall extra;
            while (batch.size() < BATCH * 2 && (extra = overflow.poll()) != null) {
                batch.add(extra);
            }
            if (batch.isEmpty()) {
                if (stopping) {
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                continue;
            }
            writeUntilCommitted(batch);
            written.addAndGet(batch.size());
            batch.clear();
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
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
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
