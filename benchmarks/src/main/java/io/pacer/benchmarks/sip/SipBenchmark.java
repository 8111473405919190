package io.pacer.benchmarks.sip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SIP benchmark ({@code benchmarks/README-sip.md}): (1) the SIPp-to-SIPp harness ceiling, (2) Pacer's
 * signalling between a SIPp carrier and nailed-up agents at rising call rates, then a soak at the best clean
 * rate, (3) the RTP relay with hundreds of bridged calls. Writes {@code benchmarks/results/sip.md}. Run from
 * the repository root.
 */
public final class SipBenchmark {

    private SipBenchmark() {
    }

    /** The benchmark's options; see {@code benchmarks/README-sip.md}. */
    private record Options(int[] ceilingRates, int[] rates, int stepSeconds, int soakSeconds, int soakRate, int agents,
            int stackThreads, int relayCalls, int relaySeconds, Path out) {

        static Options parse(String[] args) {
            int[] ceilingRates = {1000, 2000, 3000, 4000, 5000};
            int[] rates = {250, 500, 750, 1000, 1250, 1500, 2000};
            int[] n = {10, 120, 0, 300, 1, 500, 30};
            Path out = Path.of("benchmarks/results/sip.md");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--ceiling-rates" -> ceilingRates = ints(args[++i]);
                    case "--rates" -> rates = ints(args[++i]);
                    case "--step-seconds" -> n[0] = Integer.parseInt(args[++i]);
                    case "--soak-seconds" -> n[1] = Integer.parseInt(args[++i]);
                    case "--soak-rate" -> n[2] = Integer.parseInt(args[++i]);
                    case "--agents" -> n[3] = Integer.parseInt(args[++i]);
                    case "--stack-threads" -> n[4] = Integer.parseInt(args[++i]);
                    case "--relay-calls" -> n[5] = Integer.parseInt(args[++i]);
                    case "--relay-seconds" -> n[6] = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(ceilingRates, rates, n[0], n[1], n[2], n[3], n[4], n[5], n[6], out);
        }
    }

    /** The signalling steps and the soak. */
    private record Signalling(List<EngineSignalling.Step> steps, EngineSignalling.Soak soak) {
    }

    /** Entry point; options are documented in {@code benchmarks/README-sip.md}. */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path logs = Path.of("benchmarks/target/sipp-logs").toAbsolutePath();
        List<HarnessCeiling.Step> ceiling = HarnessCeiling.run(logs, o.ceilingRates(), 5);
        int ceilingRate = 0;
        for (HarnessCeiling.Step s : ceiling) {
            if (s.failed() == 0 && s.successful() >= (long) s.rate() * 5) {
                ceilingRate = s.rate();
            }
        }
        Signalling signalling = o.rates().length > 0 ? signalling(o, logs) : new Signalling(List.of(), null);
        RelayLoad.Result relay = o.relayCalls() > 0 ? RelayLoad.run(o.relayCalls(), o.relaySeconds()) : null;
        String report = SipReport.of(ceiling, ceilingRate, signalling.steps(), signalling.soak(), relay, o.agents(),
                o.stackThreads(), o.stepSeconds());
        Files.createDirectories(o.out().getParent());
        Files.writeString(o.out(), report);
        System.out.println(report);
        // The SIP stack leaves a non-daemon thread behind after stop(); the benchmark is over.
        System.exit(0);
    }

    private static Signalling signalling(Options o, Path logs) throws Exception {
        List<EngineSignalling.Step> steps = new ArrayList<>();
        EngineSignalling.Soak soak = null;
        try (EngineSignalling bench = new EngineSignalling(logs, o.agents(), o.stackThreads())) {
            bench.step(Math.min(250, o.rates()[0]), 5);
            // A soak at a given rate runs before the steps: the steps end past what the machine takes, and a
            // soak right after that would measure the recovery from an overload, not the rate.
            if (o.soakRate() > 0 && o.soakSeconds() > 0) {
                soak = bench.soak(o.soakRate(), o.soakSeconds(), Math.min(30, o.soakSeconds()));
            }
            int best = 0;
            for (int rate : o.rates()) {
                EngineSignalling.Step s = bench.step(rate, o.stepSeconds());
                steps.add(s);
                if (!s.clean()) {
                    break;
                }
                best = s.window().rate();
            }
            if (o.soakRate() <= 0 && best > 0 && o.soakSeconds() > 0) {
                // After a step past what the machine takes, SIPp still works through that step's backlog: it
                // keeps each call 33 s after its end (-deadcall_wait) to absorb retransmissions. The soak
                // starts on a quiet carrier.
                Thread.sleep(35_000);
                soak = bench.soak(best, o.soakSeconds(), Math.min(30, o.soakSeconds()));
            }
        }
        return new Signalling(steps, soak);
    }

    private static int[] ints(String csv) {
        if ("none".equals(csv)) {
            return new int[0];
        }
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
