package io.pacer.engine.collections;

/**
 * Doubly linked lists of small integer indexes (agent ids, call slots) kept in two flat arrays, so that adding,
 * removing and walking allocate nothing and removal is O(1). One {@code IndexLinks} holds the links of a family
 * of disjoint lists (an index is in at most one of them at a time); each list is a {@link Head}.
 */
public final class IndexLinks {
    /** The "no index" value. */
    public static final int NONE = -1;
    private final int[] prev;
    private final int[] next;

    /** Links for indexes {@code 0 .. capacity-1}. */
    public IndexLinks(int capacity) {
        prev = new int[capacity];
        next = new int[capacity];
    }

    /** Appends {@code index} at the tail of {@code list}. */
    public void append(int index, Head list) {
        next[index] = NONE;
        prev[index] = list.tail;
        if (list.tail != NONE) {
            next[list.tail] = index;
        } else {
            list.head = index;
        }
        list.tail = index;
        list.size++;
    }

    /** Removes {@code index} from {@code list}, wherever it is in it. */
    public void remove(int index, Head list) {
        int p = prev[index];
        int n = next[index];
        if (p != NONE) {
            next[p] = n;
        } else {
            list.head = n;
        }
        if (n != NONE) {
            prev[n] = p;
        } else {
            list.tail = p;
        }
        prev[index] = NONE;
        next[index] = NONE;
        list.size--;
    }

    /** The index after {@code index} in its list, or {@link #NONE}. */
    public int next(int index) {
        return next[index];
    }

    /** Head, tail and size of one list. */
    public static final class Head {
        int head = NONE;
        int tail = NONE;
        int size;

        /** First index, or {@link #NONE}. */
        public int first() {
            return head;
        }

        /** Indexes in the list. */
        public int size() {
            return size;
        }
    }
}
