package io.pacer.store.journal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@link SpscRing} for primitive longs, so the core can hand contact ids back to the hopper's refill thread
 * without boxing.
 */
public final class SpscLongRing {

    private final AtomicLongArray slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    /** A ring holding up to {@code capacity} values, rounded up to a power of two. */
    public SpscLongRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        slots = new AtomicLongArray(size);
        mask = size - 1;
    }

    /** Producer side: adds a value, or returns {@code false} when full. */
    public boolean offer(long value) {
        long t = tail.get();
        if (t - head.get() > mask) {
            return false;
        }
        slots.lazySet((int) (t & mask), value);
        tail.lazySet(t + 1);
        return true;
    }

    /** Whether a value is waiting. */
    public boolean isEmpty() {
        return head.get() >= tail.get();
    }

    /** Consumer side: removes the oldest value; call only when not {@link #isEmpty()}. */
    public long poll() {
        long h = head.get();
        long v = slots.get((int) (h & mask));
        head.lazySet(h + 1);
        return v;
    }
}
