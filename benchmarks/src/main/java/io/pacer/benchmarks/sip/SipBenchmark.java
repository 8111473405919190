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

    /** Entry point; options are documented in {@code benchmarks/README-sip.md}. */
    public static void main(String[] args) throws Exception {
        int[] ceilingRates = {1000, 2000, 3000, 4000, 5000};
        int[] rates = {250, 500, 750, 1000, 1250, 1500, 2000};
        int stepSeconds = 10;
        int soakSeconds = 120;
        int soakRate = 0;
        int agents = 300;
        int stackThreads = 1;
        int relayCalls = 500;
        int relaySeconds = 30;
        Path out = Path.of("benchmarks/results/sip.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ceiling-rates" -> ceilingRates = ints(args[++i]);
                case "--rates" -> rates = ints(args[++i]);
                case "--step-seconds" -> stepSeconds = Integer.parseInt(args[++i]);
                case "--soak-seconds" -> soakSeconds = Integer.parseInt(args[++i]);
                case "--soak-rate" -> soakRate = Integer.parseInt(args[++i]);
                case "--agents" -> agents = Integer.parseInt(args[++i]);
                case "--stack-threads" -> stackThreads = Integer.parseInt(args[++i]);
                case "--relay-calls" -> relayCalls = Integer.parseInt(args[++i]);
                case "--relay-seconds" -> relaySeconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path logs = Path.of("benchmarks/target/sipp-logs").toAbsolutePath();

        List<HarnessCeiling.Step> ceiling = HarnessCeiling.run(logs, ceilingRates, 5);
        int ceilingRate = 0;
        for (HarnessCeiling.Step s : ceiling) {
            if (s.failed() == 0 && s.successful() >= (long) s.rate() * 5) {
                ceilingRate = s.rate();
            }
        }

        List<EngineSignalling.Step> steps = new ArrayList<>();
        EngineSignalling.Soak soak = null;
        if (rates.length > 0) {
            try (EngineSignalling bench = new EngineSignalling(logs, agents, stackThreads)) {
                bench.step(Math.min(250, rates[0]), 5);
                // A soak at a given rate runs before the steps: the steps end past what the machine takes, and a
                // soak right after that would measure the recovery from an overload, not the rate.
                if (soakRate > 0 && soakSeconds > 0) {
                    soak = bench.soak(soakRate, soakSeconds, Math.min(30, soakSeconds));
                }
                for (int rate : rates) {
                    EngineSignalling.Step s = bench.step(rate, stepSeconds);
                    steps.add(s);
                    if (!s.clean()) {
                        break;
                    }
                }
                int best = 0;
                for (EngineSignalling.Step s : steps) {
                    if (s.clean()) {
                        best = s.window().rate();
                    }
                }
                if (soakRate <= 0 && best > 0 && soakSeconds > 0) {
                    // After a step past what the machine takes, SIPp still works through that step's backlog: it
                    // keeps each call 33 s after its end (-deadcall_wait) to absorb retransmissions. The soak
                    // starts on a quiet carrier.
                    Thread.sleep(35_000);
                    soak = bench.soak(best, soakSeconds, Math.min(30, soakSeconds));
                }
            }
        }

        RelayLoad.Result relay = relayCalls > 0 ? RelayLoad.run(relayCalls, relaySeconds) : null;
        String report = SipReport.of(ceiling, ceilingRate, steps, soak, relay, agents, stackThreads, stepSeconds);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        // The SIP stack leaves a non-daemon thread behind after stop(); the benchmark is over.
        System.exit(0);
    }

    private static int[] ints(String csv) {
        if ("none".equals(csv)) {
            return new int[0];
        }
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
