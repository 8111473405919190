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

        PacerSignalling bench = new PacerSignalling(logs, agents, stackThreads);
        List<PacerSignalling.Step> steps = new ArrayList<>();
        PacerSignalling.Soak soak = null;
        try {
            bench.step(Math.min(250, rates[0]), 5);
            for (int rate : rates) {
                PacerSignalling.Step s = bench.step(rate, stepSeconds);
                steps.add(s);
                if (!s.clean()) {
                    break;
                }
            }
            int best = 0;
            for (PacerSignalling.Step s : steps) {
                if (s.clean()) {
                    best = s.rate();
                }
            }
            int rate = soakRate > 0 ? soakRate : best;
            if (rate > 0 && soakSeconds > 0) {
                soak = bench.soak(rate, soakSeconds, Math.min(30, soakSeconds));
            }
        } finally {
            bench.close();
        }

        RelayLoad.Result relay = RelayLoad.run(relayCalls, relaySeconds);
        String report = report(ceiling, ceilingRate, steps, soak, relay, agents, stackThreads, stepSeconds);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        // The SIP stack leaves a non-daemon thread behind after stop(); the benchmark is over.
        System.exit(0);
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static String us(long nanos) {
        return String.format("%.1f", nanos / 1e3);
    }

    static String report(List<HarnessCeiling.Step> ceiling, int ceilingRate, List<PacerSignalling.Step> steps,
                         PacerSignalling.Soak soak, RelayLoad.Result relay, int agents, int stackThreads,
                         int stepSeconds) {
        StringBuilder b = new StringBuilder();
        b.append("# SIP benchmark results\n\n");
        b.append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version"))
                .append(", everything (SIPp, Pacer, virtual agents, load generators) on the same machine over 127.0.0.1. ")
                .append("Produced by `io.pacer.benchmarks.sip.SipBenchmark`; the command is in `benchmarks/README-sip.md`.\n\n");
        b.append("## 1. Harness ceiling: SIPp UAC -> SIPp UAS (built-in scenarios, 5 s per rate)\n\n");
        b.append("| rate (cps) | successful | failed |\n|---:|---:|---:|\n");
        for (HarnessCeiling.Step s : ceiling) {
            b.append("| ").append(s.rate()).append(" | ").append(s.successful()).append(" | ").append(s.failed()).append(" |\n");
        }
        b.append("\nCeiling (highest rate with every call successful): **").append(ceilingRate).append(" cps**.\n\n");
        b.append("## 2. Pacer between a SIPp carrier and nailed-up agents\n\n");
        b.append("A dialler thread drives the Telephony port directly at a fixed rate; a minimal core stand-in ")
                .append("(`StandInCore`, not the engine: no pacing) bridges each answer to an idle agent and hangs up 50 ms later. ")
                .append("The carrier (SIPp, `benchmarks/sipp/carrier-bench.xml`) sends 100, 180 and 200 at once; each call is ")
                .append("INVITE/100/180/200/ACK/BYE/200 on the trunk, and nothing on the agent leg (").append(agents)
                .append(" virtual agents, registered with digest, sessions nailed up before the run; no per-call MESSAGE). ")
                .append("Stack reader threads: ").append(stackThreads).append(". Answer-to-bridge = 200 OK handed to the adapter -> relay mapping switched ")
                .append("(adapter worker -> core stand-in -> adapter worker). CPU is the whole JVM (Pacer plus the stand-in, the dialler and the ")
                .append("virtual agents); SIPp's CPU is not included. ").append(stepSeconds).append(" s per step; a step is clean when every ")
                .append("call was answered and bridged, none failed or was abandoned, and p99 <= 10 ms.\n\n");
        b.append("| rate (cps) | dialled | answered | failed | abandoned | SIPp failed | p50 (us) | p99 (us) | p99.9 (us) | max (us) | JVM CPU (cores) | heap after GC (MB) | dialogs after | clean |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        int best = 0;
        for (PacerSignalling.Step s : steps) {
            b.append("| ").append(s.rate()).append(" | ").append(s.dialled()).append(" | ").append(s.answered())
                    .append(" | ").append(s.failed()).append(" | ").append(s.abandoned()).append(" | ").append(s.sippFailed())
                    .append(" | ").append(us(s.p50Nanos())).append(" | ").append(us(s.p99Nanos())).append(" | ")
                    .append(us(s.p999Nanos())).append(" | ").append(us(s.maxNanos())).append(" | ")
                    .append(String.format("%.2f", s.cpuCores())).append(" | ").append(s.heapMb()).append(" | ")
                    .append(s.dialogsAfter()).append(" | ").append(s.clean() ? "yes" : "no").append(" |\n");
            if (s.clean()) {
                best = s.rate();
            }
        }
        b.append("\nSustained clean rate: **").append(best).append(" cps**");
        if (ceilingRate > 0) {
            b.append(String.format(", %.0f%% of the harness ceiling", 100.0 * best / ceilingRate));
        }
        b.append(".\n\n");
        if (soak != null) {
            b.append("### Soak at ").append(soak.rate()).append(" cps for ").append(soak.seconds()).append(" s\n\n");
            b.append("| t (s) | heap after GC (MB) | live dialogs | client tx | server tx | p99 (us) | failed+abandoned | SIPp failed |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            long sippFailed = 0;
            for (long[] s : soak.samples()) {
                b.append("| ").append(s[0]).append(" | ").append(s[1]).append(" | ").append(s[2]).append(" | ").append(s[3])
                        .append(" | ").append(s[4]).append(" | ").append(us(s[5])).append(" | ").append(s[6])
                        .append(" | ").append(s[7]).append(" |\n");
                sippFailed += Math.max(0, s[7]);
            }
            long[] first = soak.samples().get(0);
            long[] last = soak.samples().get(soak.samples().size() - 1);
            b.append("\nGrowth from the first to the last sample: heap ").append(last[1] - first[1]).append(" MB, live dialogs ")
                    .append(last[2] - first[2]).append(" (dialogs linger a few seconds after their BYE, so about rate x linger stay alive).")
                    .append(" SIPp counted ").append(sippFailed).append(" failed calls in the soak.\n");
            b.append("\nTotal: dialled ").append(soak.total().dialled()).append(", answered ").append(soak.total().answered())
                    .append(", failed or abandoned ").append(soak.total().failed()).append(".\n\n");
        }
        b.append("## 3. RTP relay: bridged calls, 20 ms G.711 both ways\n\n");
        b.append("| calls | seconds | packets sent | delivered | lost | relay received | relay forwarded | relay dropped | JVM CPU (cores) |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        b.append("| ").append(relay.calls()).append(" | ").append(relay.seconds()).append(" | ").append(relay.sent())
                .append(" | ").append(relay.delivered()).append(" | ").append(relay.sent() - relay.delivered()).append(" | ")
                .append(relay.relayReceived()).append(" | ").append(relay.relayForwarded()).append(" | ")
                .append(relay.relayDropped()).append(" | ").append(String.format("%.2f", relay.cpuCores())).append(" |\n\n");
        b.append("CPU includes the load generator (one sender thread, two receiver threads) in the same JVM.\n");
        return b.toString();
    }
}
