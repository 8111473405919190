package io.pacer.launcher;

import java.util.Arrays;

/**
 * The {@code pacer} command: dispatches to the sub-commands. Each sub-command lives in its own class and
 * returns the process exit code.
 */
public final class Main {
    private Main() {
    }

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a sub-command and returns its exit code (0 ok, 1 failure, 2 bad usage). */
    public static int run(String[] args) {
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0])) {
            System.out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "simulate" -> SimulateCommand.run(rest);
            case "demo" -> DemoCommand.run(rest);
            case "run" -> RunCommand.run(rest);
            case "amd" -> AmdCommand.run(rest);
            case "replay" -> ReplayCommand.run(rest, System.out, System.err);
            default -> {
                System.err.println("pacer: unknown command '" + args[0] + "'\n\n" + usage());
                yield 2;
            }
        };
    }

    static String usage() {
        return """
                usage: pacer COMMAND [OPTIONS]

                commands:
                  demo [--minutes N] [--seconds N] [--agents N] [--port N]
                                  a live predictive campaign over real SIP and RTP on 127.0.0.1: Pacer with a
                                  virtual carrier and virtual agents, storage and the API; prints the console's
                                  URL (docs/console.md) and runs until interrupted or for the time given
                  run --config FILE
                                  start Pacer for real: SIP, and with a storage section the database and the
                                  HTTP API (docs/operations.md)
                  simulate FILE [--policy progressive|power|adaptive|predictive|preview|push-preview|all] [--seeds N] [--json]
                                  run a scenario on virtual time through the real engine and pacing,
                                  and print abandonment, occupancy, agent wait and more (means over seeds)
                  replay export FILE --seed N [--speed X] [--minutes M] --out DIR
                                  write the scenario's world for one seed as a SIPp load test for any dialler:
                                  carrier scenario and fates by number, contacts, Pacer config, run.sh, README
                  replay run FILE --seed N [--speed X] [--minutes M] [--json] [--keep DIR]
                                  play that world against a live Pacer over SIP on 127.0.0.1 and print the
                                  simulated and the live figures of the window side by side (docs/replay.md)
                  amd classify FILE... [--preset default|cautious|aggressive] [--greeting-ms N ...]
                                  answering-machine and SIT detection on 8 kHz WAV files: per file the
                                  verdict and the decision time in ms, tab-separated (docs/amd.md)
                  --help          this text""";
    }
}
