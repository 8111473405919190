package io.pacer.engine.core;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.pacer.engine.metrics.LatencyRecorder;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.Clock;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The live engine: an {@link EngineCore} behind an LMAX Disruptor ring. Any thread (SIP stack, HTTP) publishes
 * events through the {@link EngineInput} methods, which claim a pre-allocated slot, fill it with its translator
 * and publish it; the core's single thread handles them in order, then fires due timers. When the ring is
 * quiet, the wait strategy gives up waiting after a millisecond and the handler's {@code onTimeout} fires due
 * timers, so a deadline is late by about a millisecond at most without a timer thread.
 */
public final class EngineRing extends TranslatingEngineInput implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EngineRing.class.getName());
    private final Disruptor<EngineEvent> disruptor;
    private final RingBuffer<EngineEvent> ring;
    private final EngineCore core;

    /**
     * Builds the core with polled timers and starts the ring.
     *
     * @param ringSize power of two; slots pre-allocated
     */
    public EngineRing(EngineLimits limits, Clock clock, Telephony telephony, ContactSupply contacts,
                      CallJournal journal, int ringSize) {
        super(clock);
        PolledTimers timers = new PolledTimers(clock);
        this.core = new EngineCore(limits, clock, timers, telephony, contacts, journal);
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "pacer-core");
            t.setDaemon(true);
            return t;
        };
        this.disruptor = new Disruptor<>(EngineEvent::new, ringSize, threads, ProducerType.MULTI,
                new LiteTimeoutBlockingWaitStrategy(1, TimeUnit.MILLISECONDS));
        EventHandler<EngineEvent> handler = new EventHandler<>() {
            @Override
            public void onEvent(EngineEvent event, long sequence, boolean endOfBatch) {
                core.dispatch(event);
                event.command = null;
                timers.fireDue(core);
            }

            @Override
            public void onTimeout(long sequence) {
                timers.fireDue(core);
            }
        };
        disruptor.handleEventsWith(handler);
        disruptor.setDefaultExceptionHandler(new LoggingExceptionHandler());
        this.ring = disruptor.start();
        submit(EngineCore::start);
    }

    @Override
    protected long claim() {
        return ring.next();
    }

    @Override
    protected EngineEvent slot(long sequence) {
        return ring.get(sequence);
    }

    @Override
    protected void publish(long sequence) {
        ring.publish(sequence);
    }

    /** Runs a command on the core's thread. */
    public void submit(EngineCommand command) {
        command(command);
    }

    /**
     * Runs a read or change on the core's thread and completes the future with its result (or its exception).
     * For the API: the caller never touches engine state itself.
     */
    public <T> CompletableFuture<T> query(Function<EngineCore, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        command(c -> {
            try {
                answer.complete(question.apply(c));
            } catch (RuntimeException ex) {
                answer.completeExceptionally(ex);
            }
        });
        return answer;
    }

    /** The core's share of answer-to-bridge latency (safe from any thread). */
    public LatencyRecorder coreAnswerToBridge() {
        return core.coreAnswerToBridge();
    }

    /** Stops the core's thread after the events already published. */
    @Override
    public void close() {
        disruptor.shutdown();
    }

    /** Logs a failing event and carries on: one bad event must not stop every campaign. */
    private static final class LoggingExceptionHandler implements ExceptionHandler<EngineEvent> {
        @Override
        public void handleEventException(Throwable ex, long sequence, EngineEvent event) {
            LOG.log(System.Logger.Level.ERROR, "engine event " + event.type + " failed", ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.log(System.Logger.Level.ERROR, "engine start failed", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.log(System.Logger.Level.ERROR, "engine shutdown failed", ex);
        }
    }
}
