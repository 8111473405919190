package io.pacer.simulator.run;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.Regime;
import io.pacer.engine.core.DirectEngineInput;
import io.pacer.engine.core.EngineCore;
import io.pacer.engine.core.EngineLimits;
import io.pacer.pacing.DialMode;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.world.SimulatedWorld;
import io.pacer.simulator.world.SyntheticContacts;
import io.pacer.simulator.world.VirtualClock;

/**
 * Several consecutive simulated days of one campaign under a regime, as the regulator sees them: every day the
 * engine starts afresh (a restart) and is seeded with the regime's window from the days before; half-way
 * through each shift the connect limit is changed live. The campaign paces with its runtime's own predictive
 * policy and windowed budget. Reports, from hour boundaries during the shifts, the windows whose abandonment
 * rate was over the regime's cap.
 *
 * <p>The method and results: {@code docs/compliance.md}, {@code benchmarks/results/compliance.md}.
 */
public final class MultiDaySimulation {
    private static final long START_EPOCH_MILLIS = 1_767_600_000_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long HOUR_MILLIS = 3_600_000L;
    private final Scenario scenario;
    private final long seed;
    private final Regime regime;
    private final int days;

    /** {@code days} days of {@code scenario} under {@code regime} with {@code seed}. */
    public MultiDaySimulation(Scenario scenario, long seed, Regime regime, int days) {
        this.scenario = scenario;
        this.seed = seed;
        this.regime = regime;
        this.days = days;
    }

    /**
     * What the days gave.
     *
     * @param windowsOverCap  hourly windows whose rate was over the cap
     * @param windowsChecked  hourly windows checked
     * @param worstWindowRate highest window rate seen
     * @param occupancy       mean of the days' agent occupancy
     * @param answers         live answers over every day
     * @param abandons        abandons over every day
     */
    public record Result(int windowsOverCap, int windowsChecked, double worstWindowRate, double occupancy, long answers,
            long abandons) {
    }

    /** Runs the days. */
    public Result run() {
        WindowLedger ledger = new WindowLedger(START_EPOCH_MILLIS, days + 1);
        long windowMillis = regime.window() == Regime.Window.CALENDAR_MONTH ? 31 * DAY_MILLIS
                : regime.window() == Regime.Window.ROLLING_24_HOURS ? DAY_MILLIS : 30 * DAY_MILLIS;
        double occupancy = 0;
        for (int d = 0; d < days; d++) {
            occupancy += runDay(d, ledger, windowMillis);
        }
        int over = 0;
        int checked = 0;
        double worst = 0;
        for (int d = 0; d < days; d++) {
            for (long h = 1; h * HOUR_MILLIS <= scenario.shiftNanos() / 1_000_000L; h++) {
                long[] w = ledger.window(windowMillis, START_EPOCH_MILLIS + d * DAY_MILLIS + h * HOUR_MILLIS);
                if (w[0] == 0) {
                    continue;
                }
                double rate = (double) w[1] / w[0];
                checked++;
                worst = Math.max(worst, rate);
                if (rate > regime.abandonCap()) {
                    over++;
                }
            }
        }
        long[] all = ledger.window(days * DAY_MILLIS + DAY_MILLIS, START_EPOCH_MILLIS + days * DAY_MILLIS);
        return new Result(over, checked, worst, occupancy / days, all[0], all[1]);
    }

    /** One day: a fresh engine seeded from the ledger, a live change half-way; returns the day's occupancy. */
    private double runDay(int day, WindowLedger ledger, long windowMillis) {
        int maxAgents = (int) Math.max(1, scenario.agents().max());
        int maxCalls = Math.max(256, maxAgents * 40);
        long dayStart = START_EPOCH_MILLIS + day * DAY_MILLIS;
        VirtualClock clock = new VirtualClock(dayStart);
        ledger.useClock(clock);
        SimulatedWorld world = new SimulatedWorld(scenario, seed * 1_000 + day, clock, maxCalls, maxAgents);
        EngineCore core = new EngineCore(new EngineLimits(maxAgents, maxCalls, 2, 200), clock, clock, world,
                new SyntheticContacts(), ledger);
        long connectLimit = Math.min(scenario.connectLimitNanos() / 1_000_000L, regime.maxConnectLimitMillis());
        CampaignConfig config = new CampaignConfig(1, scenario.name(), DialMode.PREDICTIVE, 1.0, 0.0,
                Math.min(scenario.abandonTarget(), regime.abandonCap()), scenario.noAnswerTimeoutNanos() / 1_000_000L,
                connectLimit, maxCalls, null).withAbandonHistory(ledger.history(windowMillis, dayStart))
                .withAmd(Simulation.amdSettings(scenario));
        core.upsertCampaign(config);
        Simulation.inboundRules(core, scenario);
        DirectEngineInput input = new DirectEngineInput(core, clock);
        world.attach(input);
        core.start();
        long end = scenario.shiftNanos();
        // A supervisor trims the connect limit mid-shift: estimates and budget must carry over.
        ShiftLoop.run(clock, world, input, end, end / 2,
                () -> core.upsertCampaign(config.withConnectLimit(connectLimit - 100)));
        return world.statistics().occupancy();
    }
}
