package io.pacer.store.journal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded single-producer single-consumer queue: one thread offers, one thread polls, neither locks. The
 * hopper hands contacts from its refill thread to the core through one per campaign; the core polls it
 * without waiting.
 *
 * @param <E> element type
 */
public final class SpscRing<E> {

    private final AtomicReferenceArray<E> slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    /** A ring holding up to {@code capacity} elements, rounded up to a power of two. */
    public SpscRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        slots = new AtomicReferenceArray<>(size);
        mask = size - 1;
    }

    /** Producer side: adds an element, or returns {@code false} when full. */
    public boolean offer(E e) {
        long t = tail.get();
        if (t - head.get() > mask) {
            return false;
        }
        slots.lazySet((int) (t & mask), e);
        tail.lazySet(t + 1);
        return true;
    }

    /** Consumer side: removes the oldest element, or returns {@code null} when empty. */
    public E poll() {
        long h = head.get();
        if (h >= tail.get()) {
            return null;
        }
        int index = (int) (h & mask);
        E e = slots.get(index);
        slots.lazySet(index, null);
        head.lazySet(h + 1);
        return e;
    }

    /** Elements in the ring now (a snapshot; either side may be moving). */
    public int size() {
        return (int) Math.max(0, tail.get() - head.get());
    }

    /** How many elements fit. */
    public int capacity() {
        return mask + 1;
    }
}
