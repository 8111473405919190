package io.pacer.engine.collections;

/**
 * A bounded queue of primitive longs from one producer thread to one consumer thread, on {@link SpscSequencer}:
 * {@link SpscRing} without boxing, so the core hands ids to another thread without allocating. Offering and
 * polling never lock and never wait; a full ring refuses the offer and the producer decides what to do.
 *
 * <p>The trade-off of a primitive queue: "empty" cannot be {@code null}, so {@link #poll} returns a value the
 * caller chooses and never offers.
 */
public final class SpscLongRing {

    private final SpscSequencer sequencer;
    private final long[] slots;

    /** A ring holding up to {@code capacity} values, rounded up to a power of two. */
    public SpscLongRing(int capacity) {
        sequencer = new SpscSequencer(capacity);
        slots = new long[sequencer.capacity()];
    }

    /** Producer: adds {@code value}, or returns {@code false} when the ring is full. */
    public boolean offer(long value) {
        long sequence = sequencer.tryClaim();
        if (sequence < 0) {
            return false;
        }
        slots[sequencer.indexOf(sequence)] = value;
        sequencer.publish(sequence);
        return true;
    }

    /** Consumer: removes and returns the oldest value, or {@code whenEmpty} when the ring is empty. */
    public long poll(long whenEmpty) {
        long sequence = sequencer.tryTake();
        if (sequence < 0) {
            return whenEmpty;
        }
        long value = slots[sequencer.indexOf(sequence)];
        sequencer.release(sequence);
        return value;
    }

    /** Values in the ring now (a snapshot when the other side is moving). */
    public int size() {
        return sequencer.size();
    }

    /** How many values fit. */
    public int capacity() {
        return sequencer.capacity();
    }
}
