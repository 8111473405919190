package io.pacer.engine.core;

/**
 * Deadlines in a binary min-heap of primitive arrays: (deadline, kind, reference) triples, earliest first.
 * Owned by one thread. Grows by doubling when full (rare, at start-up sizes), otherwise allocates nothing.
 * Ties are broken by insertion order, so a run on virtual time is deterministic.
 */
public final class TimerQueue {
    private long[] deadline;
    private long[] order;
    private int[] kind;
    private long[] ref;
    private int size;
    private long sequence;

    /** A queue with room for {@code capacity} deadlines before it grows. */
    public TimerQueue(int capacity) {
        int c = Math.max(16, capacity);
        deadline = new long[c];
        order = new long[c];
        kind = new int[c];
        ref = new long[c];
    }

    /** Deadlines queued. */
    public int size() {
        return size;
    }

    /** True when nothing is queued. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Adds a deadline. */
    public void add(long deadlineNanos, int timerKind, long reference) {
        if (size == deadline.length) {
            grow();
        }
        int i = size++;
        long seq = sequence++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(deadlineNanos, seq, deadline[parent], order[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        deadline[i] = deadlineNanos;
        order[i] = seq;
        kind[i] = timerKind;
        ref[i] = reference;
    }

    /** Earliest deadline; undefined when empty. */
    public long peekDeadline() {
        return deadline[0];
    }

    /** Kind of the earliest deadline. */
    public int peekKind() {
        return kind[0];
    }

    /** Reference of the earliest deadline. */
    public long peekRef() {
        return ref[0];
    }

    /** Removes the earliest deadline (read it with the peek methods first). */
    public void poll() {
        int last = --size;
        if (last == 0) {
            return;
        }
        long d = deadline[last];
        long o = order[last];
        int k = kind[last];
        long r = ref[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(deadline[child + 1], order[child + 1], deadline[child], order[child])) {
                child++;
            }
            if (!before(deadline[child], order[child], d, o)) {
                break;
            }
            move(child, i);
            i = child;
        }
        deadline[i] = d;
        order[i] = o;
        kind[i] = k;
        ref[i] = r;
    }

    private static boolean before(long d1, long o1, long d2, long o2) {
        return d1 < d2 || (d1 == d2 && o1 < o2);
    }

    private void move(int from, int to) {
        deadline[to] = deadline[from];
        order[to] = order[from];
        kind[to] = kind[from];
        ref[to] = ref[from];
    }

    private void grow() {
        int c = deadline.length * 2;
        deadline = java.util.Arrays.copyOf(deadline, c);
        order = java.util.Arrays.copyOf(order, c);
        kind = java.util.Arrays.copyOf(kind, c);
        ref = java.util.Arrays.copyOf(ref, c);
    }
}
