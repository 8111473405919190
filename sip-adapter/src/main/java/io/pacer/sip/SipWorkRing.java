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
 * <p>Every kind of work has one publish method here, which claims a slot, fills it with its translator
 * ({@link SipWorkTranslators}) and publishes it, as the engine's {@code TranslatingEngineInput} does for its ring.
 * Publishing never blocks: when the ring is full the work is refused and counted. A refused SIP message is
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

    /** Publishes an engine's dial; false when the ring is full. */
    boolean publishDial(long callId, int campaignId, long contactId, String number, String callerId,
            long ringTimeoutMillis) {
        long seq = claim();
        if (seq < 0) {
            return false;
        }
        SipWorkTranslators.dial(ring.get(seq), callId, campaignId, contactId, number, callerId, ringTimeoutMillis);
        ring.publish(seq);
        return true;
    }

    /** Publishes an engine's command about a call (cancel, bridge, hang up, abandon); false when the ring is full. */
    boolean publishCallCommand(int kind, long callId, int agentId) {
        long seq = claim();
        if (seq < 0) {
            return false;
        }
        SipWorkTranslators.callCommand(ring.get(seq), kind, callId, agentId);
        ring.publish(seq);
        return true;
    }

    /** Publishes the engine's answer to an inbound call; false when the ring is full. */
    boolean publishInbound(int kind, long inboundKey, long callId, int campaignId) {
        long seq = claim();
        if (seq < 0) {
            return false;
        }
        SipWorkTranslators.inbound(ring.get(seq), kind, inboundKey, callId, campaignId);
        ring.publish(seq);
        return true;
    }

    /** Publishes a preview offer to an agent; false when the ring is full. */
    boolean publishPreviewOffer(int agentId, long contactId, String number) {
        long seq = claim();
        if (seq < 0) {
            return false;
        }
        SipWorkTranslators.previewOffer(ring.get(seq), agentId, contactId, number);
        ring.publish(seq);
        return true;
    }

    /** Publishes a SIP event from a stack thread; false when the ring is full. */
    boolean publishEvent(int kind, Object event) {
        long seq = claim();
        if (seq < 0) {
            return false;
        }
        SipWorkTranslators.event(ring.get(seq), kind, event, System.nanoTime());
        ring.publish(seq);
        return true;
    }

    /** Publishes a trunk timer's wake-up from the timer thread; false when the ring is full. */
    boolean publishTrunkTimer(long callId, io.pacer.sip.trunk.TrunkTimer timer, long generation) {
        long seq = claim();
        if (seq < 0) {
            return false;
        }
        SipWorkTranslators.trunkTimer(ring.get(seq), callId, timer, generation);
        ring.publish(seq);
        return true;
    }

    /** Publishes a trunk's calls-per-second refill from the timer thread; false when the ring is full. */
    boolean publishTrunkTick() {
        long seq = claim();
        if (seq < 0) {
            return false;
        }
        SipWorkTranslators.trunkTick(ring.get(seq));
        ring.publish(seq);
        return true;
    }

    /** Runs a rare task (start-up, statistics, operator actions) on the worker thread. */
    boolean publishTask(Runnable task) {
        return publishEvent(SipWork.TASK, task);
    }

    /** Claims a slot, or returns -1 (counted as refused) when the ring is full. */
    private long claim() {
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException full) {
            refused.increment();
            return -1;
        }
    }
}
