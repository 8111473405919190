package io.pacer.sip.loopback;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.EngineCommand;
import io.pacer.engine.core.EngineInput;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.port.Telephony;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A minimal stand-in for the engine core, for the adapter's tests: it bridges every
 * answered call to the longest-idle logged-in agent at once (or abandons it when none is idle), hangs the
 * customer up after a fixed talk time, and counts what happened. It does no pacing: whoever uses it decides
 * when to dial. It is not the engine; it only exercises the {@link Telephony} port the way the engine does.
 */
public final class StandInCore implements EngineInput, AutoCloseable {

    private final long talkMillis;
    private final long connectLimitMillis;
    private final boolean keepEventLog;
    private final ConcurrentLinkedDeque<Integer> idleAgents = new ConcurrentLinkedDeque<>();
    private final ConcurrentHashMap<Long, Integer> agentOfCall = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, Long> eventNanos = new ConcurrentHashMap<>();
    private final ScheduledExecutorService hangUps;
    private final LongAdder[] failed = new LongAdder[CallOutcome.values().length];
    private final LongAdder placed = new LongAdder();
    private final LongAdder ringing = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder ended = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final LongAdder logins = new LongAdder();
    private final LongAdder notPlaced = new LongAdder();
    private volatile Telephony telephony;

    /**
     * @param talkMillis   how long a bridged call lasts before the stand-in hangs it up; 0 = until the far end does
     * @param keepEventLog keep a readable log of every event for {@link #awaitEvent} (tests; costs allocation)
     */
    public StandInCore(long talkMillis, boolean keepEventLog) {
        this(talkMillis, keepEventLog, 0);
    }

    /**
     * A stand-in that, like the engine, lets an answered call with no idle agent wait {@code connectLimitMillis}
     * before abandoning it (0: at once).
     */
    public StandInCore(long talkMillis, boolean keepEventLog, long connectLimitMillis) {
        this.talkMillis = talkMillis;
        this.connectLimitMillis = connectLimitMillis;
        this.keepEventLog = keepEventLog;
        for (int i = 0; i < failed.length; i++) {
            failed[i] = new LongAdder();
        }
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "stand-in-core");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.hangUps = ex;
    }

    /** The port to drive; set before calls are dialled. */
    public void attach(Telephony port) {
        this.telephony = port;
    }

    private void log(String event) {
        if (keepEventLog) {
            eventNanos.put(event, System.nanoTime());
            events.add(event);
        }
    }

    /** When {@code event} (e.g. {@code "ringing 7"}) was logged, on {@link System#nanoTime}; null if never. */
    public Long eventNanos(String event) {
        return eventNanos.get(event);
    }

    /**
     * Waits for the next logged event that starts with {@code prefix} (e.g. {@code "failed 7 "}), discarding
     * others; returns it, or {@code null} after the timeout.
     */
    public String awaitEvent(String prefix, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e != null && e.startsWith(prefix)) {
                return e;
            }
        }
    }

    @Override
    public void callPlaced(long callId) {
        placed.increment();
    }

    @Override
    public void callRinging(long callId) {
        ringing.increment();
        log("ringing " + callId);
    }

    @Override
    public void callAnswered(long callId) {
        answered(callId);
    }

    private void answered(long callId) {
        answered.increment();
        log("answered " + callId);
        Integer agent = idleAgents.pollFirst();
        if (agent == null) {
            abandoned.increment();
            if (connectLimitMillis > 0) {
                hangUps.schedule(() -> telephony.abandon(callId), connectLimitMillis, TimeUnit.MILLISECONDS);
            } else {
                telephony.abandon(callId);
            }
            return;
        }
        agentOfCall.put(callId, agent);
        telephony.bridge(callId, agent);
        if (talkMillis > 0) {
            hangUps.schedule(() -> telephony.hangUp(callId), talkMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void callFailed(long callId, CallOutcome outcome) {
        failed[outcome.ordinal()].increment();
        log("failed " + callId + " " + outcome);
    }

    @Override
    public void callNotPlaced(long callId, long retryAfterMillis) {
        notPlaced.increment();
        log("notplaced " + callId + " " + retryAfterMillis);
    }

    @Override
    public void callClassified(long callId, io.pacer.engine.call.AmdVerdict verdict, io.pacer.engine.call.AmdCause cause,
                               int decisionMillis) {
        log("classified " + callId + " " + verdict);
    }

    @Override
    public void callEnded(long callId) {
        ended(callId);
    }

    private void ended(long callId) {
        ended.increment();
        log("ended " + callId);
        Integer agent = agentOfCall.remove(callId);
        if (agent != null) {
            idleAgents.addLast(agent);
        }
    }

    @Override
    public void inboundOffered(long inboundKey, String dialledNumber, String callerNumber) {
        log("inbound " + inboundKey + " " + dialledNumber + " from " + callerNumber);
    }

    @Override
    public void agentLogin(int agentId, int campaignId) {
        logins.increment();
        log("login " + agentId + " " + campaignId);
        idleAgents.addLast(agentId);
    }

    @Override
    public void agentLogout(int agentId) {
        log("logout " + agentId);
        idleAgents.remove(agentId);
    }

    @Override
    public void agentReady(int agentId) {
        log("ready " + agentId);
    }

    @Override
    public void agentPause(int agentId) {
        log("pause " + agentId);
    }

    @Override
    public void agentLost(int agentId) {
        log("lost " + agentId);
        // As the engine does: the customer of a dead phone is abandoned (message, then BYE).
        agentOfCall.forEach((callId, agent) -> {
            if (agent == agentId) {
                telephony.abandon(callId);
            }
        });
        agentOfCall.values().removeIf(agent -> agent == agentId);
    }

    @Override
    public void agentHangUp(int agentId) {
        log("hangup " + agentId);
        agentOfCall.forEach((callId, agent) -> {
            if (agent == agentId) {
                telephony.hangUp(callId);
            }
        });
    }

    @Override
    public void previewRequested(int agentId) {
        log("next " + agentId);
    }

    @Override
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        log("preview " + agentId + " " + contactId + " " + answer);
    }

    @Override
    public void timer(int kind, long ref) {
        log("timer " + kind + " " + ref);
    }

    @Override
    public void command(EngineCommand command) {
        log("command");
    }

    /** Agents logged in and not on a call. */
    public int idleAgents() {
        return idleAgents.size();
    }

    /** Calls answered. */
    public long answered() {
        return answered.sum();
    }

    /** Calls whose INVITE left. */
    public long placed() {
        return placed.sum();
    }

    /** Ringing events (180/183). */
    public long ringing() {
        return ringing.sum();
    }

    /** Answered calls that ended. */
    public long ended() {
        return ended.sum();
    }

    /** Answered calls abandoned for want of an idle agent. */
    public long abandoned() {
        return abandoned.sum();
    }

    /** Dials the adapter handed back without placing them. */
    public long notPlaced() {
        return notPlaced.sum();
    }

    /** Agent logins. */
    public long logins() {
        return logins.sum();
    }

    /** Unanswered calls with {@code outcome}. */
    public long failed(CallOutcome outcome) {
        return failed[outcome.ordinal()].sum();
    }

    /** Unanswered calls, all outcomes. */
    public long failedTotal() {
        long n = 0;
        for (LongAdder a : failed) {
            n += a.sum();
        }
        return n;
    }

    @Override
    public void close() {
        hangUps.shutdownNow();
    }
}
