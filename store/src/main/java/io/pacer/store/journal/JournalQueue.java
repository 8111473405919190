package io.pacer.store.journal;

import io.pacer.engine.collections.SpscSequencer;
import io.pacer.engine.port.CallRecord;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-over of finished calls from the core's thread to the journal's writer thread: a ring of pre-allocated
 * {@link FinishedCall} slots on {@link SpscSequencer}, so recording a call copies it into a slot and allocates
 * nothing, and an unbounded overflow queue for when the writer has fallen so far behind that the ring is full.
 *
 * <p>The trade-off: overflowing allocates (a copy and a queue node per call) rather than dropping a call or making
 * the core wait. Every call carries its recording order, on either path, and the writer takes calls strictly in
 * that order, so a call that overflowed is never written after a later one that found the ring free again.
 */
final class JournalQueue {

    private final SpscSequencer sequencer;
    private final FinishedCall[] slots;
    /** The recording order of the call in each slot, written with the slot before it is published. */
    private final long[] orderOfSlot;
    private final Queue<Overflowed> overflow = new ConcurrentLinkedQueue<>();
    /** Calls recorded so far, on either path; the order of the next one. Written by the core's thread only. */
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    /** The order of the next call the writer takes. Writer thread only. */
    private long nextOrder;

    /** A queue whose ring holds {@code capacity} calls, rounded up to a power of two. */
    JournalQueue(int capacity) {
        sequencer = new SpscSequencer(capacity);
        slots = new FinishedCall[sequencer.capacity()];
        orderOfSlot = new long[slots.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new FinishedCall();
        }
    }

    /** Core's thread: copies the call in; into the ring when it has room, else into the overflow queue. */
    void record(CallRecord record) {
        long sequence = sequencer.tryClaim();
        FinishedCall call = slotOrCopy(sequence);
        call.copyFrom(record);
        enqueue(sequence, call);
    }

    /** Core's thread: queues the news that a call was placed, on the same path and in the same order as calls. */
    void placed(long callId, long campaignId, long contactId) {
        long sequence = sequencer.tryClaim();
        FinishedCall call = slotOrCopy(sequence);
        call.placed(callId, campaignId, contactId);
        enqueue(sequence, call);
    }

    /** Core's thread: queues the news that a wrap-up ran to its limit, behind the call's own record. */
    void wrapUpExpired(long callId, long campaignId, int agentId) {
        long sequence = sequencer.tryClaim();
        FinishedCall call = slotOrCopy(sequence);
        call.wrapUpExpired(callId, campaignId, agentId);
        enqueue(sequence, call);
    }

    /** The claimed slot, or (the ring being full) a new object for the overflow queue. */
    private FinishedCall slotOrCopy(long sequence) {
        return sequence < 0 ? new FinishedCall() : slots[sequencer.indexOf(sequence)];
    }

    /** Publishes the filled slot, or adds the overflowed object to the queue, with its recording order. */
    private void enqueue(long sequence, FinishedCall call) {
        long order = recorded.get();
        if (sequence < 0) {
            overflow.add(new Overflowed(order, call));
            overflowed.incrementAndGet();
        } else {
            orderOfSlot[sequencer.indexOf(sequence)] = order;
            sequencer.publish(sequence);
        }
        recorded.lazySet(order + 1);
    }

    /**
     * Writer thread: appends the calls due next, in recording order, to {@code batch} until it holds
     * {@code maxSize}. Ring calls are copied into {@code spare} objects (taken from index {@code batch.size()}
     * on), so the slot is free again at once.
     *
     * @return how many calls were appended
     */
    int drainTo(List<FinishedCall> batch, List<FinishedCall> spare, int maxSize) {
        int taken = 0;
        while (batch.size() < maxSize) {
            long sequence = sequencer.tryTake();
            if (sequence >= 0 && orderOfSlot[sequencer.indexOf(sequence)] == nextOrder) {
                FinishedCall copy = spare.get(batch.size());
                copy.copyFrom(slots[sequencer.indexOf(sequence)]);
                sequencer.release(sequence);
                batch.add(copy);
            } else {
                Overflowed head = overflow.peek();
                if (head == null || head.order != nextOrder) {
                    break;
                }
                overflow.poll();
                batch.add(head.call);
            }
            nextOrder++;
            taken++;
        }
        return taken;
    }

    /** Calls recorded so far, on either path. */
    long recorded() {
        return recorded.get();
    }

    /** Calls that found the ring full and went through the overflow queue. */
    long overflowed() {
        return overflowed.get();
    }

    /** Number of slots in the ring. */
    int capacity() {
        return sequencer.capacity();
    }

    /** A call that found the ring full, with its place in the recording order. */
    private record Overflowed(long order, FinishedCall call) {
    }
}
