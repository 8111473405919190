package io.pacer.benchmarks.pacing;

import io.pacer.simulator.run.PolicyChoice;
import io.pacer.simulator.run.RunResult;
import io.pacer.simulator.run.Simulation;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioParser;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the simulator's cost grows with the size of the team: the stress scenario {@code huge} cut to one hour
 * and one seed, under predictive pacing, at 100 to 3,200 agents. For each size it prints wall time per
 * simulated hour, engine events and calls dialled per simulated hour, and the time per pacing decision (mean
 * and p99), and writes them as the "Scaling" section of {@code pacing.md}, keeping the rest of that file.
 * Cost that grows faster than events and calls shows as a rising wall time per million events.
 *
 * <p>Runs are sequential on one thread, so the figures are for one core; on a shared machine they are
 * indicative only. Usage: {@code ScalingBenchmark [SCENARIO] [RESULTS_DIR]} (defaults
 * {@code scenarios/stress/huge.yaml}, {@code benchmarks/results}).
 */
public final class ScalingBenchmark {
    private static final int[] AGENTS = {100, 200, 400, 800, 1600, 3200};
    private static final int WARM_UP_AGENTS = 400;
    static final String HEADING = "## Scaling";

    private ScalingBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws IOException {
        Path scenarioFile = Path.of(args.length > 0 ? args[0] : "scenarios/stress/huge.yaml");
        Path out = Path.of(args.length > 1 ? args[1] : "benchmarks/results");
        String yaml = Files.readString(scenarioFile);
        StringBuilder table = new StringBuilder();
        table.append("| agents | wall s per simulated hour | CPU s per simulated hour | events per hour | calls per hour "
                + "| CPU s per million events | CPU ms per thousand calls | decisions per hour | decision mean CPU us "
                + "| decision p99 CPU us | abandonment | occupancy |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        // Untimed: the first rows would otherwise pay for the JIT's warm-up.
        run(ScenarioParser.parse(new StringReader(sized(yaml, WARM_UP_AGENTS))), WARM_UP_AGENTS);
        for (int agents : sizes()) {
            String row = run(ScenarioParser.parse(new StringReader(sized(yaml, agents))), agents);
            System.out.print(row);
            System.out.flush();
            table.append(row);
        }
        Files.createDirectories(out);
        Path md = out.resolve("pacing.md");
        String before = Files.exists(md) ? Files.readString(md) : "";
        Files.writeString(md, withSection(before, section(scenarioFile, table.toString())));
    }

    /** Team sizes: {@link #AGENTS}, or a comma-separated list in {@code -Dpacer.scaling.agents} for a quick look. */
    private static int[] sizes() {
        String list = System.getProperty("pacer.scaling.agents");
        if (list == null || list.isBlank()) {
            return AGENTS;
        }
        return java.util.Arrays.stream(list.split(",")).mapToInt(a -> Integer.parseInt(a.trim())).toArray();
    }

    /** The scenario's text with one hour, one seed and {@code agents} agents. */
    static String sized(String yaml, int agents) {
        return yaml.replaceAll("(?m)^agents:.*$", "agents: " + agents)
                .replaceAll("(?m)^shift:.*$", "shift: 1h")
                .replaceAll("(?m)^seeds:.*$", "seeds: 1");
    }

    private static String run(Scenario scenario, int agents) {
        TimedPolicy[] timed = new TimedPolicy[1];
        // The simulation runs on this thread; its CPU time, unlike wall time, holds on a shared machine.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStartNanos = threads.getCurrentThreadCpuTime();
        RunResult r = new Simulation(scenario, 1, s -> {
            timed[0] = new TimedPolicy(PolicyChoice.PREDICTIVE.create(s));
            return timed[0];
        }).run();
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStartNanos) / 1e9;
        double hours = scenario.shiftNanos() / 3.6e12;
        var decisions = timed[0].decisionNanos();
        return String.format(Locale.ROOT, "| %d | %.2f | %.2f | %,d | %,d | %.2f | %.1f | %,d | %.1f | %.1f | %.2f%% "
                        + "| %.3f |%n", agents, r.wallSeconds() / hours, cpuSeconds / hours,
                Math.round(r.events() / hours), Math.round(r.dials() / hours), cpuSeconds / (r.events() / 1e6),
                1e3 * cpuSeconds / (r.dials() / 1e3), Math.round(decisions.getTotalCount() / hours),
                decisions.getMean() / 1e3, decisions.getValueAtPercentile(99) / 1e3, 100 * r.abandonRate(),
                r.occupancy());
    }

    private static String section(Path scenarioFile, String table) {
        return HEADING + "\n\n"
                + "`benchmarks/scaling.sh`: `" + scenarioFile + "` cut to one hour and one seed, predictive, one run "
                + "per team size on one thread (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.version") + "). CPU time is the simulating thread's own, so it holds on a "
                + "shared machine where wall time does not. A flat \"CPU s per million events\" (or per thousand "
                + "calls) means the cost grows with the work, not faster.\n\n" + table;
    }

    /** The Scaling section of {@code document} (up to the next level-2 heading), or "" when it has none. */
    static String sectionOf(String document) {
        int start = document.indexOf(HEADING + "\n");
        if (start < 0) {
            return "";
        }
        int next = document.indexOf("\n## ", start + HEADING.length());
        return next < 0 ? document.substring(start) : document.substring(start, next + 1);
    }

    /** {@code document} with its Scaling section (up to the next level-2 heading) replaced, or appended. */
    static String withSection(String document, String section) {
        int start = document.indexOf(HEADING + "\n");
        if (start < 0) {
            String base = document.isEmpty() || document.endsWith("\n") ? document : document + "\n";
            return base + (base.isEmpty() ? "" : "\n") + section;
        }
        int next = document.indexOf("\n## ", start + HEADING.length());
        String rest = next < 0 ? "" : document.substring(next);
        return document.substring(0, start) + section + rest;
    }
}
