package io.pacer.sip.loopback;

import io.pacer.engine.core.EngineInput;
import io.pacer.engine.port.Telephony;
import io.pacer.sip.PacerSipServer;
import io.pacer.sip.SipConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Pacer's SIP side wired to a virtual carrier and virtual agents, all on 127.0.0.1 and all speaking real SIP
 * and RTP: what {@code pacer demo} runs. The launcher builds the engine around it:
 * <pre>{@code
 * LoopbackDemoWorld world = LoopbackDemoWorld.create(LoopbackDemoWorld.Settings.defaults());
 * EngineRing engine = new EngineRing(limits, clock, world.telephony(), contacts, journal, 1 << 16);
 * // upsert and start campaign world.settings().campaignId() on the engine
 * world.start(engine);            // agents register, Pacer calls them, the engine sees them log in
 * ... world.server().answerToBridge() ... world.close();
 * }</pre>
 */
public final class LoopbackDemoWorld implements AutoCloseable {

    /**
     * The virtual world's size and behaviour.
     *
     * @param agents     number of virtual agents (engine agent ids 0..agents-1)
     * @param campaignId campaign the agents log in to
     * @param carrier    how customers answer, ring and talk
     * @param wrapMillis agents' wrap-up time after each call
     * @param seed       random seed of the carrier and agents
     */
    public record Settings(int agents, int campaignId, CarrierProfile carrier, LongSampler wrapMillis, long seed) {

        /** Validates the settings. */
        public Settings {
            if (agents < 1 || agents > 1000) {
                throw new IllegalArgumentException("agents: must be within 1..1000, was " + agents);
            }
        }

        /** 20 agents on campaign 1, a typical list, 5 s wrap-up on average. */
        public static Settings defaults() {
            return new Settings(20, 1, CarrierProfile.typical(), LongSampler.exponential(5_000), 42);
        }
    }

    private final Settings settings;
    private final ScheduledThreadPoolExecutor scheduler;
    private final VirtualCarrier carrier;
    private final VirtualAgents agents;
    private final PacerSipServer server;

    private LoopbackDemoWorld(Settings settings) throws Exception {
        this.settings = settings;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "virtual-world");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.carrier = new VirtualCarrier(settings.carrier(), settings.seed(), scheduler);
        this.agents = new VirtualAgents(settings.agents(), settings.wrapMillis(), settings.seed() + 1, scheduler);
        List<SipConfig.AgentConfig> agentConfigs = new ArrayList<>();
        for (int i = 0; i < settings.agents(); i++) {
            agentConfigs.add(new SipConfig.AgentConfig(i, VirtualAgents.user(i), VirtualAgents.password(i),
                    settings.campaignId(), null, 0, true));
        }
        SipConfig config = SipConfig.loopback(0, 30000,
                List.of(SipConfig.TrunkConfig.simple("virtual-carrier", "127.0.0.1", carrier.sipPort(), "udp")),
                agentConfigs);
        this.server = new PacerSipServer(config);
    }

    /** Builds the world and binds every socket; nothing is sent before {@link #start}. */
    public static LoopbackDemoWorld create(Settings settings) throws Exception {
        return new LoopbackDemoWorld(settings);
    }

    /** The telephony port to hand to the engine. */
    public Telephony telephony() {
        return server.telephony();
    }

    /** Starts Pacer's SIP side with the engine's input, then lets the agents register and log in. */
    public void start(EngineInput input) throws Exception {
        server.start(input);
        agents.registerAll(server.sipPort());
    }

    /** Pacer's SIP server (answer-to-bridge recorders, counters, dialogs). */
    public PacerSipServer server() {
        return server;
    }

    /** The virtual carrier (INVITEs, answers, RTP seen). */
    public VirtualCarrier carrier() {
        return carrier;
    }

    /** The virtual agents. */
    public VirtualAgents agents() {
        return agents;
    }

    /** The settings the world was built with. */
    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        server.close();
        agents.close();
        carrier.close();
        scheduler.shutdownNow();
    }
}
