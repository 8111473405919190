package io.pacer.sip;

import io.pacer.sip.trunk.CampaignPrompts;
import io.pacer.sip.stack.SipEndpoint;
import io.pacer.sip.stack.SipConfig;

import io.pacer.engine.core.EngineInput;
import io.pacer.engine.port.AgentSessions;
import io.pacer.engine.port.Telephony;
import io.pacer.sip.agent.AgentLeg;
import io.pacer.sip.media.AnswerToBridgeMeter;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.RtpRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pacer.sip.trunk.TrunkGauges;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pacer's SIP side in one object: a JAIN-SIP stack (UDP and TCP), the Netty RTP relay, the trunk and agent
 * legs, and the {@link Telephony} port the engine drives them through.
 *
 * <p>Life cycle: construct (binds the SIP port), hand {@link #telephony()} to the engine, then
 * {@link #start(EngineInput)} with the engine's input; from then on SIP results arrive as engine events.
 * {@link #close()} ends agent sessions and stops everything. As the engine's {@link AgentSessions} it opens and
 * closes agents' sessions for logins and logouts made through the API. See {@code docs/sip.md} for the threads and the
 * flow of a call.
 */
public final class PacerSipServer implements AutoCloseable, AgentSessions {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** How long an API login waits for the worker to say what it did about the agent's session. */
    private static final long OPEN_ANSWER_MILLIS = 2_000;

    private final SipConfig config;
    private final SipEndpoint sip;
    private final SipStats stats = new SipStats();
    private final AnswerToBridgeMeter meter = new AnswerToBridgeMeter();
    private final RtpRelay relay;
    private final SipWorker worker;
    private final SipWorkRing ring;
    private final ScheduledThreadPoolExecutor timers;
    private final SipTelephony telephony;
    private final BridgeIndex bridges;
    private final CampaignPrompts prompts = new CampaignPrompts();
    private volatile boolean started;
    private volatile List<TrunkGauges> trunkGauges = List.of();
    private boolean drained;

    /** Binds the SIP port and prepares the relay; nothing is processed before {@link #start}. */
    public PacerSipServer(SipConfig config) throws Exception {
        this.config = config;
        this.sip = new SipEndpoint(config, "pacer-" + INSTANCES.incrementAndGet());
        this.relay = new RtpRelay(config.bindAddress(), config.relayPortMin(), config.relayPortMax(),
                config.relayThreads(), meter);
        this.worker = new SipWorker(sip, stats, prompts);
        this.ring = new SipWorkRing(1 << 16, worker);
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pacer-sip-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        int maxAgentId = 0;
        for (SipConfig.AgentConfig a : config.agents()) {
            maxAgentId = Math.max(maxAgentId, a.id());
        }
        this.bridges = new BridgeIndex(1 << 16, maxAgentId + 1, meter);
        this.telephony = new SipTelephony(ring, timers, bridges, config);
    }

    /** Each campaign's identification prompt for abandoned customers; set it when a campaign starts or changes. */
    public CampaignPrompts prompts() {
        return prompts;
    }

    /** The engine's telephony port; usable before {@link #start} (commands wait in the ring). */
    public Telephony telephony() {
        return telephony;
    }

    /** Starts the stack and the worker, reporting every SIP result to {@code input}. */
    public synchronized void start(EngineInput input) throws Exception {
        if (started) {
            throw new IllegalStateException("already started");
        }
        worker.init(relay, ring, timers, input, bridges, telephony.amdCampaigns);
        trunkGauges = worker.trunkGauges();
        telephony.routes(worker.trunkRoutes());
        telephony.input(input);
        ring.start();
        sip.start(new SipEventListener(ring));
        started = true;
        ring.publishTask(() -> worker.agents().connectFixedAgents());
        long watchMillis = AgentLeg.watchPeriodMillis(config.sessions());
        if (watchMillis > 0) {
            // One task object for every sweep: publishing it allocates nothing.
            Runnable sweep = () -> worker.agents().watchSessions();
            timers.scheduleAtFixedRate(() -> ring.publishTask(sweep), watchMillis, watchMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Sets up an agent's nailed-up call now (the operator's login, or a retry): Pacer calls the phone. */
    public void connectAgent(int agentId) {
        ring.publishTask(() -> worker.agents().connect(agentId));
    }

    /** Ends an agent's session (the operator's logout): BYE to the phone, then an agentLogout event. */
    public void disconnectAgent(int agentId) {
        ring.publishTask(() -> worker.agents().hangUpSession(agentId));
    }

    /**
     * An API login: the worker decides from the agent's registration and session whether the phone is called,
     * already up, or out of reach, and this (API) thread waits up to {@link #OPEN_ANSWER_MILLIS} for that answer.
     */
    @Override
    public AgentSessions.Opening open(int agentId, int campaignId) {
        CompletableFuture<AgentSessions.Opening> answer = new CompletableFuture<>();
        if (!started || !ring.publishTask(() -> answer.complete(worker.agents().open(agentId, campaignId)))) {
            return AgentSessions.Opening.NO_ANSWER_FROM_ADAPTER;
        }
        try {
            return answer.get(OPEN_ANSWER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AgentSessions.Opening.NO_ANSWER_FROM_ADAPTER;
        } catch (ExecutionException | TimeoutException e) {
            return AgentSessions.Opening.NO_ANSWER_FROM_ADAPTER;
        }
    }

    /** The engine has logged the agent out (called on the core's thread): BYE to the phone, without waiting. */
    @Override
    public void close(int agentId) {
        disconnectAgent(agentId);
    }

    /** The SIP port actually bound (useful when the configuration asked for port 0). */
    public int sipPort() {
        return sip.port;
    }

    /** Each trunk's channels free and back-off, readable on any thread; empty before {@link #start}. */
    public List<TrunkGauges> trunks() {
        return trunkGauges;
    }

    /**
     * Registers, per trunk, {@code pacer.trunk.backoff{trunk}} (1 while a 503 with Retry-After keeps INVITEs off
     * it), {@code pacer.trunk.channels.free{trunk}} and {@code pacer.trunk.up{trunk}} (0 while its OPTIONS probes
     * find it down), read from the worker's volatile fields when scraped. May be called before {@link #start}; the
     * gauges read 0 until then.
     */
    public void bindTrunkGaugesTo(MeterRegistry registry) {
        List<SipConfig.TrunkConfig> configured = config.trunks();
        for (int i = 0; i < configured.size(); i++) {
            int index = i;
            String name = configured.get(i).name();
            Gauge.builder("pacer.trunk.up", this, s -> s.trunkGauge(index, TrunkGauges::up))
                    .description("1 while the trunk's OPTIONS probes find it up (always when not probed), 0 while down")
                    .tag("trunk", name).register(registry);
            Gauge.builder("pacer.trunk.backoff", this, s -> s.trunkGauge(index, TrunkGauges::backingOff))
                    .description("1 while the trunk backs off after a 503 with Retry-After: no INVITE is sent")
                    .tag("trunk", name).register(registry);
            Gauge.builder("pacer.trunk.channels.free", this, s -> s.trunkGauge(index, TrunkGauges::channelsFree))
                    .description("channels the trunk could take a call on now")
                    .tag("trunk", name).register(registry);
        }
    }

    private double trunkGauge(int index, java.util.function.ToIntFunction<TrunkGauges> read) {
        List<TrunkGauges> all = trunkGauges;
        if (index >= all.size()) {
            return 0;
        }
        return read.applyAsInt(all.get(index));
    }

    /** The configuration this server runs with. */
    public SipConfig config() {
        return config;
    }

    /** Adapter counters. */
    public SipStats stats() {
        return stats;
    }

    /** Answer-to-bridge and answer-to-first-media recorders (nanoseconds) for the engine's metrics. */
    public AnswerToBridgeMeter answerToBridge() {
        return meter;
    }

    /** The media relay (ports in use, packet counters). */
    public RtpRelay relay() {
        return relay;
    }

    /** Dialogs alive in the SIP stack; flat over a long run, or something leaks. */
    public int liveDialogs() {
        return sip.dialogCount();
    }

    /** Client transactions alive in the stack (completed ones linger for their retransmission timers). */
    public int liveClientTransactions() {
        return sip.clientTransactionCount();
    }

    /** Server transactions alive in the stack. */
    public int liveServerTransactions() {
        return sip.serverTransactionCount();
    }

    /** Work items refused because the worker ring was full. */
    public long refusedWork() {
        return ring.refused.sum();
    }

    /** Waits until the worker has handled everything published before this call (tests, orderly stop). */
    public void awaitIdle(long timeoutMillis) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (ring.publishTask(() -> done.complete(null))) {
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A graceful stop with the configured grace ({@code sip.sessions.shutdownGraceMillis}); see {@link #drain(long)}.
     * Call it while the engine still runs, so that it records every call that ends here.
     */
    public void drain() {
        drain(config.sessions().shutdownGraceMillis());
    }

    /**
     * A graceful stop: no INVITE leaves any more, ringing calls are CANCELled, bridged calls may finish for up to
     * {@code graceMillis}; then every customer still up and every agent's session get a BYE. Returns when that is
     * done (or after a few seconds more if the worker is stuck). Once drained, only {@link #close} is left to do.
     */
    public synchronized void drain(long graceMillis) {
        if (!started || drained) {
            return;
        }
        drained = true;
        ring.publishTask(() -> worker.trunk().stopDialling());
        long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        while (System.nanoTime() < deadlineNanos && onTheWire() > 0) {
            sleepMillis(50);
        }
        ring.publishTask(() -> {
            worker.trunk().hangUpAll();
            worker.agents().hangUpAllSessions();
        });
        try {
            awaitIdle(2_000);
        } catch (Exception e) {
            // Stopping anyway: the far ends will notice the calls are gone.
        }
        // The BYEs' 200s end the dialogs; give them a moment so the far ends are not left to time out.
        long byeDeadlineNanos = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < byeDeadlineNanos && sip.dialogCount() > 0) {
            sleepMillis(20);
        }
    }

    private int onTheWire() {
        CompletableFuture<Integer> count = new CompletableFuture<>();
        if (!ring.publishTask(() -> count.complete(worker.trunk().callsOnTheWire()))) {
            return 1;
        }
        try {
            return count.get(1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            return 1;
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains at once if {@link #drain} was not called (BYE to every call and session), then stops everything. */
    @Override
    public synchronized void close() {
        if (started) {
            drain(0);
            // Dials the engine made after the drain are held; they end now, so no call stays counted in flight.
            ring.publishTask(() -> worker.trunk().hangUpAll());
            try {
                awaitIdle(2_000);
            } catch (Exception e) {
                // Stopping anyway.
            }
            sip.stop();
            ring.stop();
        } else {
            sip.stop();
        }
        timers.shutdownNow();
        relay.close();
        started = false;
    }
}
