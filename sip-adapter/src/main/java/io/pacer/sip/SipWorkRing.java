package io.pacer.sip;

import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;

/**
 * The adapter's own single-writer ring: the engine's commands and the stack's events go in, one thread (the
 * SIP worker, {@link SipWorker}) takes them out and owns every call and agent session. So the adapter has no
 * locks either, and the engine's thread only claims a slot and returns.
 *
 * <p>Publishing never blocks: when the ring is full the work is refused and counted. A refused SIP message is
 * recovered by the sender's retransmission; a refused command is reported by the caller.
 */
final class SipWorkRing {

    private final Disruptor<SipWork> disruptor;
    private final RingBuffer<SipWork> ring;
    final LongAdder refused = new LongAdder();

    SipWorkRing(int size, SipWorker worker) {
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "pacer-sip-worker");
            t.setDaemon(true);
            return t;
        };
        // Lite: a publisher takes the lock and signals only when the worker is really asleep, so the stack's
        // reader and the engine's thread do not pay for a wake-up the worker does not need.
        disruptor = new Disruptor<>(SipWork::new, size, threads, ProducerType.MULTI, new LiteBlockingWaitStrategy());
        disruptor.handleEventsWith(worker);
        ring = disruptor.getRingBuffer();
    }

    void start() {
        disruptor.start();
    }

    void stop() {
        disruptor.halt();
    }

    /** Claims a slot, or returns -1 when the ring is full. */
    long claim() {
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException full) {
            refused.increment();
            return -1;
        }
    }

    SipWork slot(long sequence) {
        return ring.get(sequence);
    }

    void publish(long sequence) {
        ring.publish(sequence);
    }

    /** Publishes a SIP event from a stack thread; false when the ring is full. */
    boolean publishEvent(int kind, Object event) {
        long seq = claim();
        if (seq < 0) {
            return false;
        }
        SipWork w = ring.get(seq);
        w.kind = kind;
        w.event = event;
        w.arrivalNanos = System.nanoTime();
        ring.publish(seq);
        return true;
    }

    /** Runs a rare task (start-up, statistics, operator actions) on the worker thread. */
    boolean publishTask(Runnable task) {
        return publishEvent(SipWork.TASK, task);
    }
}
