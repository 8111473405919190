package io.pacer.launcher;

import io.pacer.simulator.run.PolicyChoice;
import io.pacer.simulator.run.ReportFormat;
import io.pacer.simulator.run.Simulator;
import io.pacer.simulator.run.Summary;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioException;
import io.pacer.simulator.scenario.ScenarioParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code pacer simulate FILE [--policy P] [--seeds N] [--json]}. */
final class SimulateCommand {
    private SimulateCommand() {
    }

    static int run(String[] args) {
        Path file = null;
        List<PolicyChoice> policies = List.of(PolicyChoice.PREDICTIVE);
        Integer seeds = null;
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--policy" -> policies = policies(value(args, ++i, "--policy"));
                    case "--seeds" -> seeds = seeds(value(args, ++i, "--seeds"));
                    case "--json" -> json = true;
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("missing scenario FILE");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("pacer simulate: " + e.getMessage() + "\n\n" + Main.usage());
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("pacer simulate: " + file + ": no such file");
            return 2;
        }
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(file);
        } catch (ScenarioException e) {
            System.err.println("pacer simulate: " + file + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("pacer simulate: " + file + ": " + e.getMessage());
            return 1;
        }
        int n = seeds != null ? seeds : scenario.seeds();
        Simulator simulator = new Simulator(Runtime.getRuntime().availableProcessors(), System.err);
        long start = System.nanoTime();
        List<Summary> summaries = simulator.run(scenario, policies, n);
        double wall = (System.nanoTime() - start) / 1e9;
        if (json) {
            System.out.println(ReportFormat.json(summaries));
        } else {
            System.out.print(ReportFormat.text(summaries));
            System.out.printf("wall clock %.1f s%n", wall);
        }
        long violations = summaries.stream().mapToLong(s -> s.total(r -> r.violations())).sum();
        if (violations > 0) {
            System.err.println("pacer simulate: " + violations + " engine invariant violations, first: "
                    + summaries.stream().flatMap(s -> s.runs().stream()).filter(r -> r.firstViolation() != null)
                    .findFirst().map(r -> r.firstViolation()).orElse("?"));
            return 1;
        }
        return 0;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static List<PolicyChoice> policies(String v) {
        if ("all".equalsIgnoreCase(v)) {
            return Arrays.asList(PolicyChoice.values());
        }
        List<PolicyChoice> out = new ArrayList<>();
        for (String p : v.split(",")) {
            out.add(PolicyChoice.parse(p));
        }
        return out;
    }

    private static int seeds(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 10_000) {
                throw new IllegalArgumentException("--seeds: must be within 1..10000, was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds: expected a whole number, got '" + v + "'");
        }
    }
}
