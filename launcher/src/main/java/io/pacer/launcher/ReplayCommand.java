package io.pacer.launcher;

import io.pacer.simulator.replay.ReplayExport;
import io.pacer.simulator.replay.ReplayWorld;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioException;
import io.pacer.simulator.scenario.ScenarioParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code pacer replay export FILE --seed N [--speed X] [--minutes M] --out DIR} writes a scenario's world as a SIPp
 * load test for any dialler; {@code pacer replay run FILE --seed N [--speed X] [--minutes M] [--json] [--keep DIR]}
 * plays it against a live Pacer and prints the simulated and the live figures side by side (docs/replay.md).
 */
public final class ReplayCommand {
    static final String USAGE = """
            usage: pacer replay export FILE --seed N [--speed X] [--minutes M] --out DIR
                   pacer replay run FILE --seed N [--speed X] [--minutes M] [--json] [--keep DIR]""";

    private ReplayCommand() {
    }

    /** What the command line asks for. */
    record Options(String verb, Path file, long seed, double speed, Double minutes, boolean json, Path out) {
        static Options parse(String[] args) {
            if (args.length == 0 || !("export".equals(args[0]) || "run".equals(args[0]))) {
                throw new IllegalArgumentException("expected 'export' or 'run'");
            }
            Path file = null;
            Long seed = null;
            double speed = 1;
            Double minutes = null;
            boolean json = false;
            Path out = null;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--speed" -> speed = Double.parseDouble(value(args, ++i, "--speed"));
                    case "--minutes" -> minutes = Double.parseDouble(value(args, ++i, "--minutes"));
                    case "--json" -> json = true;
                    case "--out", "--keep" -> out = Path.of(value(args, ++i, args[i - 1]));
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
            if (seed == null) {
                throw new IllegalArgumentException("--seed: missing (the world is the simulator's for one seed)");
            }
            if (minutes != null && !(minutes > 0 && minutes <= 24 * 60)) {
                throw new IllegalArgumentException("--minutes: must be within 0..1440, was " + minutes);
            }
            if ("export".equals(args[0]) && out == null) {
                throw new IllegalArgumentException("--out DIR: missing");
            }
            return new Options(args[0], file, seed, speed, minutes, json, out);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }

    /** Runs the command; returns the exit code (0 ok, 1 failure or broken invariant, 2 bad usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        Scenario scenario;
        try {
            o = Options.parse(args);
            if (!Files.isRegularFile(o.file())) {
                throw new IllegalArgumentException(o.file() + ": no such file");
            }
            scenario = ScenarioParser.parse(o.file());
        } catch (IllegalArgumentException | ScenarioException e) {
            err.println("pacer replay: " + e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (IOException e) {
            err.println("pacer replay: " + e.getMessage());
            return 1;
        }
        double minutes = o.minutes() != null ? o.minutes() : "run".equals(o.verb()) ? 5 : 24 * 60;
        ReplayWorld world;
        try {
            world = ReplayWorld.of(scenario, o.seed(), o.speed(), (long) (minutes * 60e9));
        } catch (ScenarioException e) {
            err.println("pacer replay: " + e.getMessage());
            return 2;
        }
        try {
            if ("export".equals(o.verb())) {
                ReplayExport.write(world, o.out());
                out.printf("pacer replay: %s, seed %d, speed %s, %d s, %d contacts: written to %s (see README.md)%n",
                        scenario.name(), o.seed(), o.speed(), world.compressed().shiftNanos() / 1_000_000_000L,
                        world.contacts(), o.out());
                return 0;
            }
            Path dir = o.out() != null ? Files.createDirectories(o.out()) : Files.createTempDirectory("pacer-replay");
            LiveReplay.Outcome r = LiveReplay.run(world, dir, err);
            out.println(o.json() ? json(world, r) : ReplayReport.text(world, r));
            if (r.live().violations() > 0) {
                err.println("pacer replay: broken invariant: " + r.firstViolation());
                return 1;
            }
            return 0;
        } catch (Exception e) {
            err.println("pacer replay: " + e.getMessage());
            return 1;
        }
    }

    static String json(ReplayWorld world, LiveReplay.Outcome r) {
        return "{\n  \"scenario\": \"" + world.original().name().replace("\"", "\\\"") + "\",\n"
                + "  \"seed\": " + world.seed() + ",\n"
                + "  \"speed\": " + world.speed() + ",\n"
                + "  \"window_seconds\": " + world.compressed().shiftNanos() / 1_000_000_000L + ",\n"
                + "  \"folder\": \"" + r.folder().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\n"
                + "  \"simulated\": " + r.simulated().json("  ") + ",\n"
                + "  \"live\": " + r.live().json("  ") + ",\n"
                + "  \"difference\": " + r.live().minus(r.simulated()).json("  ") + ",\n"
                + "  \"rtp_relay\": {\"received\": " + r.relayPackets()[0] + ", \"forwarded\": " + r.relayPackets()[1]
                + ", \"unexpected\": " + r.relayPackets()[2] + "}\n}";
    }
}
