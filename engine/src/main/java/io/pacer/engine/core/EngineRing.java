package io.pacer.engine.core;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
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
import java.util.concurrent.TimeUnit;
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

    /** Claims a slot, fills it and publishes it: the one way any thread hands the core an event. */
    private void publish(EventType type, long callId, int agentId, int campaignId, int code, long contactId,
                         EngineCommand command) {
        long seq = ring.next();
        try {
            EngineEvent e = ring.get(seq);
            e.type = type;
            e.publishedNanos = clock.nowNanos();
            e.callId = callId;
            e.agentId = agentId;
            e.campaignId = campaignId;
            e.code = code;
            e.contactId = contactId;
            e.command = command;
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void callRinging(long callId) {
        publish(EventType.CALL_RINGING, callId, -1, 0, 0, 0, null);
    }

    @Override
    public void callAnswered(long callId) {
        publish(EventType.CALL_ANSWERED, callId, -1, 0, 0, 0, null);
    }

    @Override
    public void callFailed(long callId, CallOutcome outcome) {
        publish(EventType.CALL_FAILED, callId, -1, 0, outcome.ordinal(), 0, null);
    }

    @Override
    public void callEnded(long callId) {
        publish(EventType.CALL_ENDED, callId, -1, 0, 0, 0, null);
    }

    @Override
    public void agentLogin(int agentId, int campaignId) {
        publish(EventType.AGENT_LOGIN, 0, agentId, campaignId, 0, 0, null);
    }

    @Override
    public void agentLogout(int agentId) {
        publish(EventType.AGENT_LOGOUT, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void agentReady(int agentId) {
        publish(EventType.AGENT_READY, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void agentPause(int agentId) {
        publish(EventType.AGENT_PAUSE, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void agentHangUp(int agentId) {
        publish(EventType.AGENT_HANG_UP, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void previewRequested(int agentId) {
        publish(EventType.PREVIEW_REQUESTED, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        publish(EventType.PREVIEW_ANSWERED, 0, agentId, 0, answer.ordinal(), contactId, null);
    }

    @Override
    public void timer(int kind, long ref) {
        publish(EventType.TIMER, ref, kind, 0, 0, 0, null);
    }

    @Override
    public void command(EngineCommand command) {
        publish(EventType.COMMAND, 0, -1, 0, 0, 0, command);
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
