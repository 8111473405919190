package io.pacer.benchmarks.pacing;

import io.pacer.simulator.run.PolicyChoice;
import io.pacer.simulator.run.RunResult;
import io.pacer.simulator.run.Simulator;
import io.pacer.simulator.run.Summary;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pacing benchmark: every scenario in a folder under all four paced policies (and, for a scenario with preview
 * keys, the preview and push-preview modes) over the scenario's seeds, through the real engine on virtual time. Writes {@code pacing.md} (table and the targets checked) and
 * {@code pacing.csv}, and reports the simulator's speed in engine events per second.
 *
 * <p>Usage: {@code PacingBenchmark [SCENARIO_DIR] [RESULTS_DIR]} (defaults {@code scenarios},
 * {@code benchmarks/results}).
 */
public final class PacingBenchmark {
    /** Occupancy an independent model-based simulator reached with every seed under 3% (the floor to beat). */
    private static final Map<String, Double> REFERENCE = Map.of("large-team", 0.96, "medium-team", 0.88,
            "cold-list", 0.88, "drifting-day", 0.87, "small-team", 0.74);

    private PacingBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "scenarios");
        Path out = Path.of(args.length > 1 ? args[1] : "benchmarks/results");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int threads = Runtime.getRuntime().availableProcessors();
        Simulator simulator = new Simulator(threads, System.err);
        List<List<Summary>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (Path f : files) {
            Scenario s = ScenarioParser.parse(f);
            long t = System.nanoTime();
            // The preview modes only where the scenario says how agents work offers; the paced four everywhere.
            List<PolicyChoice> policies = Arrays.stream(PolicyChoice.values())
                    .filter(p -> !p.agentFirst() || s.preview().used()).toList();
            List<Summary> summaries = simulator.run(s, policies, s.seeds());
            System.err.printf(Locale.ROOT, "%s: %d seeds x %d policies in %.1f s%n", s.name(), s.seeds(),
                    policies.size(), (System.nanoTime() - t) / 1e9);
            all.add(summaries);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(out);
        String md = markdown(all, wall, threads);
        Path mdFile = out.resolve("pacing.md");
        // The scaling benchmark's section is its own run: keep it rather than drop it.
        String scaling = Files.exists(mdFile) ? ScalingBenchmark.sectionOf(Files.readString(mdFile)) : "";
        Files.writeString(mdFile, scaling.isEmpty() ? md : ScalingBenchmark.withSection(md, scaling));
        Files.writeString(out.resolve("pacing.csv"), csv(all));
        System.out.print(md);
    }

    private static String markdown(List<List<Summary>> all, double wall, int threads) {
        StringBuilder b = new StringBuilder();
        b.append("# Pacing benchmark\n\n");
        b.append("Every scenario in `scenarios/` under every policy, each seed a full shift through the real engine ")
                .append("core on virtual time (`benchmarks/pacing.sh`). Means over seeds; `±` is the standard ")
                .append("deviation over seeds; *max seed* is the worst seed's whole-shift abandonment; *under* is ")
                .append("the share of seeds whose whole-shift abandonment ended at or under the target. Power runs ")
                .append("at the manual's example ratios 1.7 per ready and 0.1 per wrap-up agent.\n\n");
        b.append("| scenario | policy | abandon mean | max seed | worst hour (mean) | occupancy | utilization ")
                .append("| agent wait (s) | connects / agent-h | under target |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        long events = 0;
        double runSeconds = 0;
        List<String> checks = new ArrayList<>();
        for (List<Summary> scenario : all) {
            for (Summary s : scenario) {
                b.append(String.format(Locale.ROOT,
                        "| %s | %s | %.2f%% ±%.2f | %.2f%% | %.2f%% | %.3f ±%.3f | %.3f | %.1f | %.1f | %.0f%% |%n",
                        s.scenario(), s.policy(), pct(s.mean(RunResult::abandonRate)), pct(s.sd(RunResult::abandonRate)),
                        pct(s.max(RunResult::abandonRate)), pct(s.mean(RunResult::abandonRateWorstHour)),
                        s.mean(RunResult::occupancy), s.sd(RunResult::occupancy), s.mean(RunResult::utilization),
                        s.mean(RunResult::agentWaitMeanSeconds), s.mean(RunResult::connectsPerAgentHour),
                        s.shareUnderTarget() * 100));
                events += s.total(RunResult::events);
                runSeconds += s.runs().stream().mapToDouble(RunResult::wallSeconds).sum();
                if (s.total(RunResult::violations) > 0) {
                    checks.add("- **" + s.scenario() + " / " + s.policy() + ": " + s.total(RunResult::violations)
                            + " engine invariant violations**");
                }
            }
            checks.add(check(scenario));
        }
        b.append(PreviewSection.of(all));
        b.append("\n## Targets for predictive\n\n");
        b.append("Per scenario: mean abandonment at or under the target and at or under it in at least 95% of seeds; ")
                .append("occupancy above every other policy that also keeps its mean abandonment under the target; ")
                .append("on the 100-agent scenario occupancy of at least 0.93. The reference is the occupancy an ")
                .append("independent model-based simulator reached with every seed under 3%.\n\n");
        checks.forEach(c -> b.append(c).append('\n'));
        b.append(String.format(Locale.ROOT, "%n## Speed%n%nWhole benchmark: %.1f s wall clock on %d threads; %,d engine "
                        + "events; %,.0f events per second per thread (%,.0f per second over the whole run).%n",
                wall, threads, events, events / runSeconds, events / wall));
        return b.toString();
    }

    private static String check(List<Summary> scenario) {
        Summary predictive = scenario.stream().filter(s -> s.policy().equals("predictive")).findFirst().orElseThrow();
        double target = predictive.abandonTarget();
        double occ = predictive.mean(RunResult::occupancy);
        boolean meanOk = predictive.mean(RunResult::abandonRate) <= target;
        boolean seedsOk = predictive.shareUnderTarget() >= 0.95;
        double bestOther = scenario.stream().filter(s -> !s.policy().equals("predictive"))
                .filter(s -> s.mean(RunResult::abandonRate) <= target)
                .mapToDouble(s -> s.mean(RunResult::occupancy)).max().orElse(0);
        boolean beats = occ > bestOther;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "- %s: abandonment %.2f%% (%s), %.0f%% of seeds under (%s), occupancy %.3f vs best other compliant "
                        + "policy %.3f (%s)", predictive.scenario(), pct(predictive.mean(RunResult::abandonRate)),
                meanOk ? "met" : "MISSED", predictive.shareUnderTarget() * 100, seedsOk ? "met" : "MISSED", occ,
                bestOther, beats ? "met" : "MISSED"));
        Double ref = REFERENCE.get(predictive.scenario());
        if (ref != null) {
            b.append(String.format(Locale.ROOT, "; reference %.2f (%s)", ref, occ > ref ? "beaten" : "NOT beaten"));
        }
        if (predictive.scenario().equals("large-team")) {
            b.append(String.format(Locale.ROOT, "; >= 0.93 (%s)", occ >= 0.93 ? "met" : "MISSED"));
        }
        return b.toString();
    }

    private static String csv(List<List<Summary>> all) {
        StringBuilder b = new StringBuilder("scenario,policy,seeds,abandon_rate,abandon_rate_sd,abandon_rate_max,"
                + "abandon_rate_worst_hour,occupancy,occupancy_sd,utilization,agent_wait_mean,connects_per_agent_hour,"
                + "dials,answers,abandons,share_under_target,events,violations\n");
        for (List<Summary> scenario : all) {
            for (Summary s : scenario) {
                b.append(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.3f,%.3f,%.1f,%.1f,%.1f,%.3f,%d,%d%n",
                        s.scenario(), s.policy(), s.runs().size(), s.mean(RunResult::abandonRate),
                        s.sd(RunResult::abandonRate), s.max(RunResult::abandonRate),
                        s.mean(RunResult::abandonRateWorstHour), s.mean(RunResult::occupancy), s.sd(RunResult::occupancy),
                        s.mean(RunResult::utilization), s.mean(RunResult::agentWaitMeanSeconds),
                        s.mean(RunResult::connectsPerAgentHour), s.mean(r -> r.dials()), s.mean(r -> r.answers()),
                        s.mean(r -> r.abandons()), s.shareUnderTarget(), s.total(RunResult::events),
                        s.total(RunResult::violations)));
            }
        }
        return b.toString();
    }

    private static double pct(double v) {
        return v * 100;
    }
}
