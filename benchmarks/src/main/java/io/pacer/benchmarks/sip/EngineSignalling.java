package io.pacer.benchmarks.sip;

import io.pacer.engine.campaign.CampaignStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Pacer's signalling under load with the real engine in the loop: a SIPp carrier (UAS: 100, 180 and 200 at
 * once, the customer hangs up 50 ms after the ACK) and nailed-up virtual agents, one {@link EngineRun} per
 * rate. Each step warms up for {@link #WARM_UP_SECONDS} (the trunk's token bucket starts full, so the first
 * second is a burst), then measures a window of steady dialling, then stops the campaign and lets every call
 * end. The soak keeps one run dialling and samples it.
 */
final class EngineSignalling implements AutoCloseable {

    static final double P99_LIMIT_NANOS = 10_000_000;
    static final int WARM_UP_SECONDS = 3;
    static final String AGENT_THREADS = "virtual-agents";

    /** One measured window. Counts are over the window; {@code failed} is busy + no answer + failure. */
    record Window(int rate, int seconds, long dialled, long answered, long connected, long failed, long abandoned,
                  long sippFailed, long refusedWork, Histogram latency, Histogram coreHop, Histogram stalls,
                  double cpuCores, double agentCpuCores,
                  double sippCpuCores, long heapAfterGcMb, long gcPauses, long gcMaxMillis, int dialogs,
                  int clientTransactions) {

        double achievedCps() {
            return dialled / (double) seconds;
        }

        long p(double percentile) {
            return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile);
        }

        /** The engine's share: its answer event published by the adapter -> the core bridging. */
        long core(double percentile) {
            return coreHop.getTotalCount() == 0 ? 0 : coreHop.getValueAtPercentile(percentile);
        }

        /** How late the {@link StallMeter}'s idle thread woke, at this percentile (nanoseconds). */
        long stall(double percentile) {
            return stalls.getTotalCount() == 0 ? 0 : stalls.getValueAtPercentile(percentile);
        }
    }

    /** A step: the measured window, and what went wrong over the whole run (warm-up and drain included). */
    record Step(Window window, long failedTotal, long abandonedTotal, long sippFailedTotal, long unfinished) {

        boolean clean() {
            return failedTotal == 0 && abandonedTotal == 0 && sippFailedTotal <= 0 && unfinished == 0
                    && window.refusedWork() == 0 && window.p(99) <= P99_LIMIT_NANOS
                    && window.achievedCps() >= 0.97 * window.rate();
        }
    }

    /**
     * A soak's samples and totals, with the live heap (heap in use right after a full collection, no call in
     * flight) before the first call and after the last: the leak check that young collections' figures cannot
     * give, since they include old-generation garbage that no mixed collection has taken yet.
     */
    record Soak(int rate, List<Window> samples, long failedTotal, long abandonedTotal, long sippFailedTotal,
                long liveHeapBeforeMb, long liveHeapAfterMb) {
    }

    private final SippProcess carrier;
    private final Path carrierStats;
    private final int carrierPort;
    private final int agents;
    private final int stackThreads;
    private final JvmGauges jvm = new JvmGauges();
    private final StallMeter stalls = new StallMeter();

    EngineSignalling(Path logs, int agents, int stackThreads) throws Exception {
        this.agents = agents;
        this.stackThreads = stackThreads;
        this.carrierPort = SippProcess.freePort();
        carrier = new SippProcess(logs, "pacer-carrier", List.of("-sf",
                Path.of("benchmarks/sipp/carrier-hangup-bench.xml").toAbsolutePath().toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(carrierPort), "-mp", "18000", "-nostdin", "-timeout", "7200s", "-trace_stat",
                "-stf", "pacer-carrier-stat.csv", "-fd", "1", "-trace_err", "-error_file", "pacer-carrier-errors.log",
                "-buff_size", String.valueOf(4 << 20)));
        carrierStats = logs.resolve("pacer-carrier-stat.csv");
        Thread.sleep(500);
    }

    /** Runs Pacer at {@code rate} for a measured window of {@code seconds}. */
    Step step(int rate, int seconds) throws Exception {
        try (EngineRun run = new EngineRun(carrierPort, rate, agents, stackThreads)) {
            Mark start = mark(run);
            run.dialling(true);
            Thread.sleep(WARM_UP_SECONDS * 1000L);
            Mark from = mark(run);
            Thread.sleep(seconds * 1000L);
            Mark to = mark(run);
            run.dialling(false);
            run.drain(20_000);
            Thread.sleep(1_000);
            Mark end = mark(run);
            Window w = window(rate, seconds, from, to, run);
            CampaignStats s = end.stats;
            long unfinished = s.callsRinging() + s.callsWaitingForAgent() + s.agentsOnCall();
            Step step = new Step(w, failed(end) - failed(start), end.stats.abandons() - start.stats.abandons(),
                    end.sippFailed - start.sippFailed, unfinished);
            print("step", w);
            System.out.printf("        whole run: failed %d abandoned %d SIPp failed %d unfinished %d -> %s%n",
                    step.failedTotal(), step.abandonedTotal(), step.sippFailedTotal(), unfinished,
                    step.clean() ? "clean" : "NOT clean");
            return step;
        }
    }

    /** Keeps one run dialling at {@code rate} for {@code seconds}, sampling every {@code sampleSeconds}. */
    Soak soak(int rate, int seconds, int sampleSeconds) throws Exception {
        try (EngineRun run = new EngineRun(carrierPort, rate, agents, stackThreads)) {
            Mark start = mark(run);
            run.dialling(true);
            Thread.sleep(WARM_UP_SECONDS * 1000L);
            List<Window> samples = new ArrayList<>();
            Mark from = mark(run);
            for (int t = sampleSeconds; t <= seconds; t += sampleSeconds) {
                Thread.sleep(sampleSeconds * 1000L);
                Mark to = mark(run);
                Window w = window(rate, sampleSeconds, from, to, run);
                samples.add(w);
                print("soak " + t + "s", w);
                from = to;
            }
            run.dialling(false);
            run.drain(20_000);
            Thread.sleep(1_000);
            Mark end = mark(run);
            return new Soak(rate, samples, failed(end) - failed(start), end.stats.abandons() - start.stats.abandons(),
                    end.sippFailed - start.sippFailed, run.settledHeapMb, JvmGauges.liveHeapMb());
        }
    }

    /** What is read at one instant; {@code gcMaxMillis} is the longest pause since the mark before. */
    private record Mark(CampaignStats stats, long sippFailed, long refused, long cpu, long agentCpu, long sippCpu,
                        long gcCount, long gcMaxMillis, long wallNanos, Histogram latency, Histogram coreTotal,
                        Histogram stalls) {
    }

    private Mark mark(EngineRun run) throws Exception {
        return new Mark(run.stats(), Math.max(0, SippProcess.statColumn(carrierStats, "FailedCall(C)")),
                run.pacer.refusedWork(), jvm.processCpuNanos(), jvm.threadCpuNanos(AGENT_THREADS), carrier.cpuNanos(),
                jvm.gcCount(), jvm.takeGcMaxMillis(), System.nanoTime(), run.pacer.answerToBridge().answerToBridgeNanos().getIntervalHistogram(),
                run.engine.coreAnswerToBridge().snapshot(), stalls.interval());
    }

    private Window window(int rate, int seconds, Mark from, Mark to, EngineRun run) {
        double wall = to.wallNanos - from.wallNanos;
        return new Window(rate, seconds, to.stats.dials() - from.stats.dials(), to.stats.answers() - from.stats.answers(),
                to.stats.connects() - from.stats.connects(), failed(to) - failed(from),
                to.stats.abandons() - from.stats.abandons(), to.sippFailed - from.sippFailed, to.refused - from.refused,
                to.latency, difference(to.coreTotal, from.coreTotal), to.stalls, (to.cpu - from.cpu) / wall, (to.agentCpu - from.agentCpu) / wall,
                (to.sippCpu - from.sippCpu) / wall, jvm.heapAfterGcMb(), to.gcCount - from.gcCount, to.gcMaxMillis,
                run.pacer.liveDialogs(), run.pacer.liveClientTransactions());
    }

    private static Histogram difference(Histogram later, Histogram earlier) {
        Histogram d = later.copy();
        d.subtract(earlier);
        return d;
    }

    private static long failed(Mark m) {
        return m.stats.busy() + m.stats.noAnswer() + m.stats.failed();
    }

    private static void print(String what, Window w) {
        System.out.printf("engine %s: %d cps target, %.0f achieved | answered %d connected %d failed %d abandoned %d"
                        + " SIPp failed %d | p50 %.1f p99 %.1f p99.9 %.1f max %.1f us (core hop p50 %.1f p99 %.1f; machine stall p99 %.1f max %.1f) | JVM %.2f cores (agents %.2f),"
                        + " SIPp %.2f | heap after GC %d MB, %d pauses, longest %d ms | dialogs %d%n",
                what, w.rate(), w.achievedCps(), w.answered(), w.connected(), w.failed(), w.abandoned(), w.sippFailed(),
                w.p(50) / 1e3, w.p(99) / 1e3, w.p(99.9) / 1e3, w.latency().getMaxValue() / 1e3, w.core(50) / 1e3,
                w.core(99) / 1e3, w.stall(99) / 1e3, w.stalls().getMaxValue() / 1e3, w.cpuCores(),
                w.agentCpuCores(), w.sippCpuCores(), w.heapAfterGcMb(), w.gcPauses(), w.gcMaxMillis(), w.dialogs());
    }

    @Override
    public void close() {
        stalls.close();
        carrier.close();
    }
}
