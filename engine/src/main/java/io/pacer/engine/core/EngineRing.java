package io.pacer.engine.core;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.Clock;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * The live engine: an {@link EngineCore} behind an LMAX Disruptor ring. Any thread (SIP stack, HTTP, timers)
 * publishes events through the {@link EngineInput} methods, which claim a pre-allocated slot, fill it and
 * publish it; the core's single thread handles them in order, then fires due timers. A ticker thread publishes
 * an empty event every millisecond so that timers fire on time when the ring is quiet.
 */
public final class EngineRing implements EngineInput, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EngineRing.class.getName());
    private final Disruptor<EngineEvent> disruptor;
    private final RingBuffer<EngineEvent> ring;
    private final EngineCore core;
    private final Clock clock;
    private final Thread ticker;
    private volatile boolean running = true;

    /**
     * Builds the core with polled timers and starts the ring.
     *
     * @param ringSize power of two; slots pre-allocated
     */
    public EngineRing(EngineLimits limits, Clock clock, Telephony telephony, ContactSupply contacts,
                      CallJournal journal, int ringSize) {
        this.clock = clock;
        PolledTimers timers = new PolledTimers(clock);
        this.core = new EngineCore(limits, clock, timers, telephony, contacts, journal);
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "pacer-core");
            t.setDaemon(true);
            return t;
        };
        this.disruptor = new Disruptor<>(EngineEvent::new, ringSize, threads, ProducerType.MULTI,
                new BlockingWaitStrategy());
        EventHandler<EngineEvent> handler = (event, sequence, endOfBatch) -> {
            core.dispatch(event);
            event.command = null;
            timers.fireDue(core);
        };
        disruptor.handleEventsWith(handler);
        disruptor.setDefaultExceptionHandler(new LoggingExceptionHandler());
        this.ring = disruptor.start();
        submit(EngineCore::start);
        this.ticker = new Thread(this::tick, "pacer-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        while (running) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            long seq = ring.next();
            try {
                EngineEvent e = ring.get(seq);
                e.type = EventType.TICK;
                e.publishedNanos = clock.nowNanos();
            } finally {
                ring.publish(seq);
            }
        }
    }

    private EngineEvent claim(long seq, EventType type) {
        EngineEvent e = ring.get(seq);
        e.type = type;
        e.publishedNanos = clock.nowNanos();
        return e;
    }

    @Override
    public void callRinging(long callId) {
        long seq = ring.next();
        try {
            claim(seq, EventType.CALL_RINGING).callId = callId;
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void callAnswered(long callId) {
        long seq = ring.next();
        try {
            claim(seq, EventType.CALL_ANSWERED).callId = callId;
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void callFailed(long callId, CallOutcome outcome) {
        long seq = ring.next();
        try {
            EngineEvent e = claim(seq, EventType.CALL_FAILED);
            e.callId = callId;
            e.code = outcome.ordinal();
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void callEnded(long callId) {
        long seq = ring.next();
        try {
            claim(seq, EventType.CALL_ENDED).callId = callId;
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void agentLogin(int agentId, int campaignId) {
        long seq = ring.next();
        try {
            EngineEvent e = claim(seq, EventType.AGENT_LOGIN);
            e.agentId = agentId;
            e.campaignId = campaignId;
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void agentLogout(int agentId) {
        publishAgent(EventType.AGENT_LOGOUT, agentId);
    }

    @Override
    public void agentReady(int agentId) {
        publishAgent(EventType.AGENT_READY, agentId);
    }

    @Override
    public void agentPause(int agentId) {
        publishAgent(EventType.AGENT_PAUSE, agentId);
    }

    @Override
    public void agentHangUp(int agentId) {
        publishAgent(EventType.AGENT_HANG_UP, agentId);
    }

    @Override
    public void previewRequested(int agentId) {
        publishAgent(EventType.PREVIEW_REQUESTED, agentId);
    }

    private void publishAgent(EventType type, int agentId) {
        long seq = ring.next();
        try {
            claim(seq, type).agentId = agentId;
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        long seq = ring.next();
        try {
            EngineEvent e = claim(seq, EventType.PREVIEW_ANSWERED);
            e.agentId = agentId;
            e.contactId = contactId;
            e.code = answer.ordinal();
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void timer(int kind, long ref) {
        long seq = ring.next();
        try {
            EngineEvent e = claim(seq, EventType.TIMER);
            e.agentId = kind;
            e.callId = ref;
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void command(EngineCommand command) {
        long seq = ring.next();
        try {
            claim(seq, EventType.COMMAND).command = command;
        } finally {
            ring.publish(seq);
        }
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

    /** The core, for code that runs on the core's thread (commands); never touch it from another thread. */
    EngineCore core() {
        return core;
    }

    /** Answer-to-bridge latency (safe from any thread). */
    public io.pacer.engine.metrics.LatencyRecorder answerToBridge() {
        return core.answerToBridge();
    }

    /** Stops the ticker and the core's thread after the events already published. */
    @Override
    public void close() {
        running = false;
        ticker.interrupt();
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
