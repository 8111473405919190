package io.pacer.benchmarks.pacing;

import io.pacer.engine.campaign.Regime;
import io.pacer.simulator.run.MultiDaySimulation;
import io.pacer.simulator.run.PolicyChoice;
import io.pacer.simulator.run.Simulation;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Compliance over several days (issue 12): every scenario under every regime, each seed a run of consecutive
 * simulated days with a restart every morning (seeded from the regime's window) and a live change of the
 * connect limit every afternoon. Reports the share of seeds with no hourly window over the regime's cap, the
 * worst window, and the occupancy beside the single-shift predictive run of the same seeds. Writes
 * {@code compliance.md}; the command is {@code benchmarks/compliance.sh}. Seeds run in parallel on the
 * machine's cores: each is independent and deterministic, so the figures do not depend on the threads.
 */
public final class ComplianceBenchmark {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "pacer-compliance");
                t.setDaemon(true);
                return t;
            });

    private ComplianceBenchmark() {
    }

    /** {@code <scenario dir> <results dir> [seeds] [days]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "scenarios");
        Path out = Path.of(args.length > 1 ? args[1] : "benchmarks/results");
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        StringBuilder md = new StringBuilder("# Compliance over several days\n\n")
                .append("Each seed runs ").append(days).append(" consecutive simulated days of the scenario under the")
                .append(" regime: the engine restarts every morning, seeded with the regime's window from the days")
                .append(" before, and the connect limit is trimmed by 100 ms live half-way through every shift. A")
                .append(" window is checked at every hour boundary of every shift (the regime's window ending then).")
                .append(" *clean seeds*: seeds with no window over the cap. *single-shift occupancy*: the same seeds'")
                .append(" first day run alone with the predictive policy as in `pacing.md`. ")
                .append(seeds).append(" seeds per row; `benchmarks/compliance.sh`.\n\n")
                .append("| scenario | regime | clean seeds | windows over cap | worst window | occupancy | single-shift occupancy |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Path f : files) {
            Scenario s = ScenarioParser.parse(f);
            List<Future<Double>> singles = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                long shiftSeed = seed * 1_000L;
                singles.add(POOL.submit(() -> new Simulation(s, shiftSeed, PolicyChoice.PREDICTIVE).run().occupancy()));
            }
            double single = 0;
            for (Future<Double> shift : singles) {
                single += get(shift);
            }
            single /= seeds;
            for (Regime regime : new Regime[] {Regime.FCC, Regime.OFCOM, Regime.CRTC}) {
                row(md, s, regime, seeds, days, single);
                System.err.println(s.name() + " " + regime + " done");
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("compliance.md"), md.toString());
    }

    private static void row(StringBuilder md, Scenario s, Regime regime, int seeds, int days, double single) {
        int clean = 0;
        int over = 0;
        int checked = 0;
        double worst = 0;
        double occupancy = 0;
        List<Future<MultiDaySimulation.Result>> results = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            long daysSeed = seed;
            results.add(POOL.submit(() -> new MultiDaySimulation(s, daysSeed, regime, days).run()));
        }
        for (Future<MultiDaySimulation.Result> f : results) {
            MultiDaySimulation.Result r = get(f);
            clean += r.windowsOverCap() == 0 ? 1 : 0;
            over += r.windowsOverCap();
            checked += r.windowsChecked();
            worst = Math.max(worst, r.worstWindowRate());
            occupancy += r.occupancy();
        }
        md.append(String.format(Locale.ROOT, "| %s | %s | %d/%d | %d of %d | %.2f%% | %.3f | %.3f |%n", s.name(),
                regime.name().toLowerCase(Locale.ROOT), clean, seeds, over, checked, 100 * worst, occupancy / seeds, single));
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulation failed", e.getCause());
        }
    }
}
