package io.pacer.benchmarks.sip;

import java.time.Instant;
import java.util.List;

/** Writes the SIP benchmark's figures as the Markdown of {@code benchmarks/results/sip.md}. */
final class SipReport {

    private SipReport() {
    }

    private static String us(long nanos) {
        return String.format("%.1f", nanos / 1e3);
    }

    static String of(List<HarnessCeiling.Step> ceiling, int ceilingRate, List<EngineSignalling.Step> steps,
                     EngineSignalling.Soak soak, RelayLoad.Result relay, int agents, int stackThreads, int stepSeconds) {
        StringBuilder b = new StringBuilder();
        b.append("# SIP benchmark results\n\n");
        b.append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("java.vm.name")).append(", GC ").append(gcNames())
                .append(". Everything (SIPp, Pacer, virtual agents) on the same machine over 127.0.0.1. ")
                .append("Produced by `io.pacer.benchmarks.sip.SipBenchmark`; the command is in `benchmarks/README-sip.md`.\n\n");
        ceiling(b, ceiling, ceilingRate);
        signalling(b, steps, ceilingRate, agents, stackThreads, stepSeconds);
        if (soak != null) {
            soak(b, soak);
        }
        if (relay != null) {
            relay(b, relay);
        }
        return b.toString();
    }

    private static String gcNames() {
        StringBuilder names = new StringBuilder();
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            names.append(names.length() == 0 ? "" : " + ").append(gc.getName());
        }
        return names.toString();
    }

    private static void ceiling(StringBuilder b, List<HarnessCeiling.Step> ceiling, int ceilingRate) {
        b.append("## 1. Harness ceiling: SIPp UAC -> SIPp UAS (built-in scenarios, 5 s per rate)\n\n");
        b.append("| rate (cps) | successful | failed |\n|---:|---:|---:|\n");
        for (HarnessCeiling.Step s : ceiling) {
            b.append("| ").append(s.rate()).append(" | ").append(s.successful()).append(" | ").append(s.failed()).append(" |\n");
        }
        b.append("\nCeiling (highest rate with every call successful): **").append(ceilingRate).append(" cps**.\n\n");
    }

    private static void signalling(StringBuilder b, List<EngineSignalling.Step> steps, int ceilingRate, int agents,
                                   int stackThreads, int stepSeconds) {
        b.append("## 2. Pacer, with its engine, between a SIPp carrier and nailed-up agents\n\n");
        b.append("The real engine (`EngineRing`: core, progressive pacing, timers) drives the real SIP adapter. The call rate ")
                .append("is the trunk's calls-per-second cap, as an operator sets it; progressive pacing keeps one call in flight per ")
                .append("ready agent, so the trunk's queue sets the pace. The carrier (SIPp, `benchmarks/sipp/carrier-hangup-bench.xml`) ")
                .append("sends 100, 180 and 200 at once and hangs up 50 ms after the ACK: each call is INVITE/100/180/200/ACK on the ")
                .append("trunk, a bridge, then BYE/200 from the carrier. ").append(agents)
                .append(" virtual agents register with digest and keep nailed-up sessions; each presses ready as soon as its ")
                .append("customer hangs up (no per-call SIP on the agent leg). Stack reader threads: ").append(stackThreads)
                .append(".\n\nAnswer-to-bridge: the trunk's 200 OK handed to the adapter by the SIP stack -> relay mapping switched ")
                .append("to the agent (adapter worker -> engine core -> relay switch on the core's thread). Each step: a new Pacer, ")
                .append(EngineSignalling.WARM_UP_SECONDS).append(" s of warm-up (the trunk's token bucket starts full), a ")
                .append(stepSeconds).append(" s measured window, then the campaign stops and every call ends. Clean: over the ")
                .append("whole step nothing failed, nothing was abandoned, SIPp counted no failed call, no call was left over, ")
                .append("the achieved rate was at least 97% of the target, and p99 <= 10 ms. JVM CPU is Pacer plus the virtual ")
                .append("agents (shown apart); SIPp's CPU is its own process. Machine stall: how late an idle thread of the same ")
                .append("JVM woke from a 1 ms sleep (`StallMeter`, as jHiccup measures), p99 / max in ms: the part of the tail ")
                .append("that is the platform's (scheduler, hypervisor, safepoints), which no code can beat.\n\n");
        b.append("| target (cps) | achieved (cps) | answered | connected | failed | abandoned | SIPp failed | p50 (us) | p99 (us) | p99.9 (us) | max (us) | JVM CPU (cores) | of which agents | SIPp CPU | heap after GC (MB) | GC pauses (longest ms) | machine stall p99 / max (ms) | clean |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        int best = 0;
        double bestAchieved = 0;
        for (EngineSignalling.Step step : steps) {
            EngineSignalling.Window w = step.window();
            b.append(String.format("| %d | %.0f | %d | %d | %d | %d | %d | %s | %s | %s | %s | %.2f | %.2f | %.2f | %d | %d (%d) | %s | %s |%n",
                    w.rate(), w.achievedCps(), w.answered(), w.connected(), step.failedTotal(), step.abandonedTotal(),
                    step.sippFailedTotal(), us(w.p(50)), us(w.p(99)), us(w.p(99.9)), us(w.latency().getMaxValue()),
                    w.cpuCores(), w.agentCpuCores(), w.sippCpuCores(), w.heapAfterGcMb(), w.gcPauses(), w.gcMaxMillis(),
                    stall(w), step.clean() ? "yes" : "no"));
            if (step.clean()) {
                best = w.rate();
                bestAchieved = w.achievedCps();
            }
        }
        b.append(String.format("%nSustained clean rate: **%d cps** (%.0f achieved)", best, bestAchieved));
        if (ceilingRate > 0) {
            b.append(String.format(", %.0f%% of the harness ceiling", 100.0 * best / ceilingRate));
        }
        b.append(".\n\n");
    }

    private static void soak(StringBuilder b, EngineSignalling.Soak soak) {
        int seconds = 0;
        for (EngineSignalling.Window w : soak.samples()) {
            seconds += w.seconds();
        }
        b.append("### Soak at ").append(soak.rate()).append(" cps for ").append(seconds).append(" s, one Pacer\n\n");
        b.append("| t (s) | achieved (cps) | p50 (us) | p99 (us) | p99.9 (us) | max (us) | failed | abandoned | SIPp failed | heap after GC (MB) | live dialogs | client tx | JVM CPU | SIPp CPU | machine stall p99 / max (ms) |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int t = 0;
        long dialled = 0;
        org.HdrHistogram.Histogram all = null;
        for (EngineSignalling.Window w : soak.samples()) {
            t += w.seconds();
            dialled += w.dialled();
            if (all == null) {
                all = w.latency().copy();
            } else {
                all.add(w.latency());
            }
            b.append(String.format("| %d | %.0f | %s | %s | %s | %s | %d | %d | %d | %d | %d | %d | %.2f | %.2f | %s |%n", t,
                    w.achievedCps(), us(w.p(50)), us(w.p(99)), us(w.p(99.9)), us(w.latency().getMaxValue()), w.failed(),
                    w.abandoned(), w.sippFailed(), w.heapAfterGcMb(), w.dialogs(), w.clientTransactions(), w.cpuCores(),
                    w.sippCpuCores(), stall(w)));
        }
        EngineSignalling.Window first = soak.samples().get(0);
        EngineSignalling.Window last = soak.samples().get(soak.samples().size() - 1);
        b.append(String.format("%nWhole soak: %d calls dialled (%.0f cps); answer-to-bridge p50 %s us, p99 %s us, p99.9 %s us, max %s us; "
                        + "failed %d, abandoned %d, SIPp failed %d. Growth from the first to the last sample: heap after GC %+d MB, "
                        + "live dialogs %+d (the agents' sessions plus the calls in flight).%n%n",
                dialled, dialled / (double) t, us(all.getValueAtPercentile(50)), us(all.getValueAtPercentile(99)),
                us(all.getValueAtPercentile(99.9)), us(all.getMaxValue()), soak.failedTotal(), soak.abandonedTotal(),
                soak.sippFailedTotal(), last.heapAfterGcMb() - first.heapAfterGcMb(), last.dialogs() - first.dialogs()));
        b.append(String.format("Live heap (in use right after a full collection, no call in flight): %d MB before the first call, "
                        + "%d MB after the last (%+d MB over %d calls). Heap after GC above is read after young collections and "
                        + "includes old-generation garbage no mixed collection has taken yet.%n%n",
                soak.liveHeapBeforeMb(), soak.liveHeapAfterMb(), soak.liveHeapAfterMb() - soak.liveHeapBeforeMb(), dialled));
    }

    private static String stall(EngineSignalling.Window w) {
        return String.format("%.1f / %.1f", w.stall(99) / 1e6, w.stalls().getMaxValue() / 1e6);
    }

    private static void relay(StringBuilder b, RelayLoad.Result relay) {
        b.append("## 3. RTP relay: bridged calls, 20 ms G.711 both ways\n\n");
        b.append("| calls | seconds | packets sent | delivered | lost | relay received | relay forwarded | relay dropped | JVM CPU (cores) |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        b.append("| ").append(relay.calls()).append(" | ").append(relay.seconds()).append(" | ").append(relay.sent())
                .append(" | ").append(relay.delivered()).append(" | ").append(relay.sent() - relay.delivered()).append(" | ")
                .append(relay.relayReceived()).append(" | ").append(relay.relayForwarded()).append(" | ")
                .append(relay.relayDropped()).append(" | ").append(String.format("%.2f", relay.cpuCores())).append(" |\n\n");
        b.append("CPU includes the load generator (one sender thread, two receiver threads) in the same JVM.\n");
    }
}
