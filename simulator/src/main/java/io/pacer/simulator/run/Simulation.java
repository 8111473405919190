package io.pacer.simulator.run;

import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.AmdSettings;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.InboundRules;
import io.pacer.simulator.scenario.AmdModel;
import io.pacer.engine.core.DirectEngineInput;
import io.pacer.engine.core.EngineCore;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.port.CallJournal;
import io.pacer.pacing.DialMode;
import io.pacer.pacing.DialPolicy;
import io.pacer.simulator.scenario.InboundModel;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.world.SimulatedWorld;
import io.pacer.simulator.world.ChainedContacts;
import io.pacer.simulator.world.SyntheticContacts;
import io.pacer.engine.port.ContactSupply;
import io.pacer.simulator.world.VirtualClock;
import java.util.function.Function;

/**
 * One simulated shift: the real {@link EngineCore} and pacing policy, driven on virtual time by a
 * {@link SimulatedWorld} through the same ports the SIP adapter uses. Deterministic for a seed.
 */
public final class Simulation {
    /** Virtual wall-clock start of every shift: 2026-01-05 08:00 UTC, a Monday. */
    private static final long START_EPOCH_MILLIS = 1_767_600_000_000L;
    private final Scenario scenario;
    private final long seed;
    private final Function<Scenario, DialPolicy> policyFactory;
    private final DialMode mode;
    private ChainedContacts lists;

    /** A run of {@code scenario} with {@code seed} under {@code choice}. */
    public Simulation(Scenario scenario, long seed, PolicyChoice choice) {
        this(scenario, seed, choice::create, choice.dialMode());
    }

    /** A run under a policy built by {@code policyFactory} (benchmarks compare tunings this way). */
    public Simulation(Scenario scenario, long seed, Function<Scenario, DialPolicy> policyFactory) {
        this(scenario, seed, policyFactory, DialMode.PREDICTIVE);
    }

    private Simulation(Scenario scenario, long seed, Function<Scenario, DialPolicy> policyFactory, DialMode mode) {
        this.scenario = scenario;
        this.seed = seed;
        this.policyFactory = policyFactory;
        this.mode = mode;
    }

    /**
     * The campaign's detection as the scenario says: on, with the scenario's false-positive rate as the
     * campaign's estimate (the world's machines decide the verdicts; the engine's parameters are not used).
     */
    static AmdSettings amdSettings(Scenario scenario) {
        AmdModel m = scenario.amd();
        AmdSettings p = AmdSettings.preset(m.enabled(), "cautious");
        return new AmdSettings(m.enabled(), p.preset(), p.initialSilenceMillis(), p.greetingMillis(),
                p.afterGreetingSilenceMillis(), p.totalAnalysisMillis(), p.minWordLengthMillis(),
                p.betweenWordsSilenceMillis(), p.maxWords(), p.silenceThreshold(), p.maxWordLengthMillis(),
                p.machineAction(), p.notSureAction(), m.falsePositive());
    }

    /**
     * The lists and numbers of the last run (dials per list, later numbers tried, contacts exhausted), or
     * {@code null} when the scenario uses none.
     */
    public ChainedContacts lists() {
        return lists;
    }

    /** Runs the shift and returns what the world measured. */
    public RunResult run() {
        long wallStart = System.nanoTime();
        int maxAgents = (int) Math.max(1, scenario.agents().max());
        int maxCalls = Math.max(256, maxAgents * 40);
        VirtualClock clock = new VirtualClock(START_EPOCH_MILLIS);
        SimulatedWorld world = new SimulatedWorld(scenario, seed, clock, maxCalls, maxAgents);
        ChainedContacts chained = scenario.lists().used() ? new ChainedContacts(scenario.lists()) : null;
        lists = chained;
        ContactSupply contacts = chained != null ? chained : new SyntheticContacts();
        if (mode.agentFirst()) {
            contacts = world.previewDesk(contacts, mode == DialMode.PREVIEW);
        }
        EngineCore core = new EngineCore(new EngineLimits(maxAgents, maxCalls, 2, 200), clock, clock, world,
                contacts, chained != null ? chained : CallJournal.NONE);
        CampaignConfig config = new CampaignConfig(1, scenario.name(), mode, 1.0, 0.0,
                scenario.abandonTarget(),
                // A scenario compressed for a replay may ask for less than the rules allow; the engine keeps to them.
                Math.max(CampaignConfig.MIN_RING_TIMEOUT_MILLIS, scenario.noAnswerTimeoutNanos() / 1_000_000L),
                Math.max(CampaignConfig.MIN_CONNECT_LIMIT_MILLIS, scenario.connectLimitNanos() / 1_000_000L),
                maxCalls, null).withAmd(amdSettings(scenario));
        CampaignRuntime campaign = core.upsertCampaign(config);
        inboundRules(core, scenario);
        core.agentRules(1, new AgentRules(scenario.preview().timeoutNanos() / 1_000_000L, scenario.preview().maxMissed(), 0));
        DialPolicy policy = policyFactory.apply(scenario);
        campaign.usePolicy(policy);
        DirectEngineInput input = new DirectEngineInput(core, clock);
        world.attach(input);
        core.start();

        ShiftLoop.run(clock, world, input, scenario.shiftNanos());
        var s = world.statistics();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        return new RunResult(seed, s.abandonRate(), s.worstHourAbandonRate(), s.occupancy(), s.utilization(),
                s.agentWaitMeanSeconds(), s.connectsPerAgentHour(), s.dials(), s.answers(), s.abandons(),
                core.events(), wall, s.violations(), s.firstViolation(), s.machineAnswers(), s.amdFalsePositives(),
                s.machinesToAgents(), s.inboundOffered(), s.inboundAnswered(), s.inboundMissed(),
                s.inboundWaitMeanSeconds(), s.preview());
    }

    /** A scenario with callers: the campaign takes calls to the simulated display number (blending). */
    static void inboundRules(EngineCore core, Scenario scenario) {
        InboundModel in = scenario.inbound();
        if (in.enabled()) {
            core.inboundRules(1, new InboundRules(true, java.util.List.of(SimulatedWorld.INBOUND_NUMBER),
                    in.maxWaitNanos() / 1_000_000L, in.reservedAgents()));
        }
    }
}
