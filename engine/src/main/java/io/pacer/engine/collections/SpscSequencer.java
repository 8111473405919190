package io.pacer.engine.collections;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The sequences of a bounded single-producer single-consumer ring, apart from its slots: the producer claims the
 * next sequence, fills the slot {@link #indexOf} names and publishes it; the consumer takes the oldest published
 * sequence, reads its slot and releases it for reuse. As in the Disruptor, the sequencer knows nothing of what
 * the slots hold, so one protocol serves a ring of references ({@link SpscRing}), of primitive longs
 * ({@link SpscLongRing}) and of pre-allocated flyweights that are copied in and out (the journal).
 *
 * <p>Nothing locks and nothing allocates after construction. A slot's contents are written before the
 * release-store of its published sequence and read after the acquire-load of it, and the consumer's release of a
 * sequence happens after it has read the slot, so neither side ever sees the other half-way through a slot. Each
 * side caches the other side's position and re-reads it only when the cache says full (producer) or empty
 * (consumer), so in a steady stream the two sides rarely touch each other's cache line.
 *
 * <p>The trade-off: exactly one producer thread and one consumer thread. A second producer would claim the same
 * sequence; nothing checks for it.
 */
public final class SpscSequencer {

    private static final VarHandle SEQUENCES = MethodHandles.arrayElementVarHandle(long[].class);
    // The two sides' fields sit 128 bytes apart (two cache lines, which adjacent-line prefetch fetches together)
    // inside one array, so the producer's writes do not invalidate the line the consumer spins on.
    private static final int PAD = 16;
    private static final int PUBLISHED = PAD;
    private static final int PRODUCER_CACHED_RELEASED = PAD + 1;
    private static final int RELEASED = 2 * PAD;
    private static final int CONSUMER_CACHED_PUBLISHED = 2 * PAD + 1;

    /** Producer's and consumer's positions, each on its own cache lines; see {@link #PAD}. */
    private final long[] sequences = new long[3 * PAD];
    private final int mask;

    /** Sequences for a ring of at least {@code capacity} slots, rounded up to a power of two (at least 2). */
    public SpscSequencer(int capacity) {
        if (capacity < 1 || capacity > 1 << 30) {
            throw new IllegalArgumentException("capacity must be 1 .. 2^30, was " + capacity);
        }
        mask = Math.max(2, Integer.highestOneBit(capacity - 1) << 1) - 1;
    }

    /** Number of slots. */
    public int capacity() {
        return mask + 1;
    }

    /** The slot a sequence lives in. */
    public int indexOf(long sequence) {
        return (int) (sequence & mask);
    }

    /** Producer: the next sequence to fill, or -1 when every slot is still unreleased. Claims nothing yet. */
    public long tryClaim() {
        long next = (long) SEQUENCES.getOpaque(sequences, PUBLISHED);
        if (next - sequences[PRODUCER_CACHED_RELEASED] > mask) {
            long released = (long) SEQUENCES.getAcquire(sequences, RELEASED);
            sequences[PRODUCER_CACHED_RELEASED] = released;
            if (next - released > mask) {
                return -1;
            }
        }
        return next;
    }

    /** Producer: makes the slot of {@code sequence}, the one {@link #tryClaim} returned, visible to the consumer. */
    public void publish(long sequence) {
        SEQUENCES.setRelease(sequences, PUBLISHED, sequence + 1);
    }

    /** Consumer: the oldest published sequence not yet released, or -1 when there is none. Takes nothing yet. */
    public long tryTake() {
        long next = (long) SEQUENCES.getOpaque(sequences, RELEASED);
        if (next >= sequences[CONSUMER_CACHED_PUBLISHED]) {
            long published = (long) SEQUENCES.getAcquire(sequences, PUBLISHED);
            sequences[CONSUMER_CACHED_PUBLISHED] = published;
            if (next >= published) {
                return -1;
            }
        }
        return next;
    }

    /** Consumer: hands the slot of {@code sequence}, the one {@link #tryTake} returned, back to the producer. */
    public void release(long sequence) {
        SEQUENCES.setRelease(sequences, RELEASED, sequence + 1);
    }

    /** Sequences published and not yet released: exact on either side's thread when the other is idle. */
    public int size() {
        long released = (long) SEQUENCES.getAcquire(sequences, RELEASED);
        long published = (long) SEQUENCES.getAcquire(sequences, PUBLISHED);
        return (int) Math.max(0, Math.min(published - released, capacity()));
    }
}
