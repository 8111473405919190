package io.pacer.engine.collections;

/**
 * A bounded queue of references from one producer thread to one consumer thread, on {@link SpscSequencer}.
 * Offering and polling never lock, never wait and allocate nothing; a full ring refuses the offer and the
 * producer decides what to do (the hopper simply loads fewer contacts).
 *
 * <p>A polled slot is cleared, so the ring holds no reference to what the consumer has taken.
 *
 * @param <E> element type
 */
public final class SpscRing<E> {

    private final SpscSequencer sequencer;
    private final E[] slots;

    /** A ring holding up to {@code capacity} elements, rounded up to a power of two. */
    @SuppressWarnings("unchecked")
    public SpscRing(int capacity) {
        sequencer = new SpscSequencer(capacity);
        slots = (E[]) new Object[sequencer.capacity()];
    }

    /** Producer: adds {@code element} (not {@code null}), or returns {@code false} when the ring is full. */
    public boolean offer(E element) {
        if (element == null) {
            throw new NullPointerException("element");
        }
        long sequence = sequencer.tryClaim();
        if (sequence < 0) {
            return false;
        }
        slots[sequencer.indexOf(sequence)] = element;
        sequencer.publish(sequence);
        return true;
    }

    /** Consumer: removes and returns the oldest element, or {@code null} when the ring is empty. */
    public E poll() {
        long sequence = sequencer.tryTake();
        if (sequence < 0) {
            return null;
        }
        int index = sequencer.indexOf(sequence);
        E element = slots[index];
        slots[index] = null;
        sequencer.release(sequence);
        return element;
    }

    /** Elements in the ring now (a snapshot when the other side is moving). */
    public int size() {
        return sequencer.size();
    }

    /** How many elements fit. */
    public int capacity() {
        return sequencer.capacity();
    }
}
