package io.pacer.loopback;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The world outside Pacer that {@code pacer demo} talks to: a virtual carrier and virtual agents' phones, on
 * 127.0.0.1, speaking real SIP and RTP. It knows nothing of Pacer's classes: the launcher's wiring gives Pacer
 * a SIP configuration that points its trunk at {@link #carrier()} and lists {@link #agents()}' accounts, then
 * calls {@link #start(int)} with the port Pacer listens on.
 */
public final class LoopbackWorld implements AutoCloseable {

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
    }

    private final Settings settings;
    private final ScheduledThreadPoolExecutor scheduler;
    private final VirtualCarrier carrier;
    private final VirtualAgents agents;

    /** Binds the carrier's and the agents' sockets; nothing is sent before {@link #start}. */
    public LoopbackWorld(Settings settings) throws Exception {
        this.settings = settings;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "virtual-world");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.carrier = new VirtualCarrier(settings.carrier(), settings.seed(), scheduler);
        this.agents = new VirtualAgents(settings.agents(), AgentScript.sampled(settings.wrapMillis()), settings.seed() + 1,
                scheduler);
    }

    /** Lets the agents register with the dialler listening on {@code dialerSipPort} of 127.0.0.1. */
    public void start(int dialerSipPort) throws Exception {
        agents.registerAll(dialerSipPort);
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
        agents.close();
        carrier.close();
        scheduler.shutdownNow();
    }
}
