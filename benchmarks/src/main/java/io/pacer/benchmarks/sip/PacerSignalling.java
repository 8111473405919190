package io.pacer.benchmarks.sip;

import com.sun.management.OperatingSystemMXBean;
import io.pacer.engine.port.Telephony;
import io.pacer.sip.PacerSipServer;
import io.pacer.sip.SipConfig;
import io.pacer.sip.loopback.LongSampler;
import io.pacer.sip.loopback.StandInCore;
import io.pacer.sip.loopback.VirtualAgents;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Pacer between a SIPp carrier (UAS, answers at once) and nailed-up virtual agents. A dialler thread drives
 * the {@link Telephony} port directly at a fixed rate and {@link StandInCore} (on its own thread, as the engine
 * is behind its ring) bridges every answer to an idle
 * agent and hangs up 50 ms later: the engine's pacing is not in the loop, the SIP adapter and relay are.
 */
final class PacerSignalling {

    static final double P99_LIMIT_NANOS = 10_000_000;

    record Step(int rate, int seconds, long dialled, long answered, long failed, long abandoned, long sippFailed,
                long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos, double cpuCores, long heapMb,
                int dialogsAfter, long refusedWork) {

        boolean clean() {
            return failed == 0 && abandoned == 0 && sippFailed <= 0 && answered == dialled && p99Nanos <= P99_LIMIT_NANOS
                    && refusedWork == 0;
        }
    }

    record Soak(int rate, int seconds, List<long[]> samples, Step total) {
    }

    private final PacerSipServer pacer;
    private final StandInCore core;
    private final VirtualAgents agents;
    private final SippProcess carrier;
    private final Path carrierStats;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long nextCallId = 1;
    private Histogram interval;

    PacerSignalling(Path logs, int agentCount, int stackThreads) throws Exception {
        int carrierPort = SippProcess.freePort();
        List<SipConfig.AgentConfig> agentConfigs = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            agentConfigs.add(new SipConfig.AgentConfig(i, VirtualAgents.user(i), VirtualAgents.password(i), 1, null, 0, true));
        }
        SipConfig config = new SipConfig("127.0.0.1", 0, stackThreads, 20000, 31999, 1, "PCMU", "login", false, 0,
                List.of(new SipConfig.TrunkConfig("carrier", "127.0.0.1", carrierPort, "udp", null, 0, null, null,
                        "+15550100", 1_000_000, 1_000_000, List.of())),
                agentConfigs);
        carrier = new SippProcess(logs, "pacer-carrier", List.of("-sf", Path.of("benchmarks/sipp/carrier-bench.xml")
                .toAbsolutePath().toString(), "-i", "127.0.0.1", "-p", String.valueOf(carrierPort), "-mp", "18000",
                "-nostdin", "-timeout", "3600s", "-trace_stat", "-stf", "pacer-carrier-stat.csv", "-fd", "1",
                "-trace_err", "-error_file", "pacer-carrier-errors.log", "-buff_size", String.valueOf(4 << 20)));
        carrierStats = logs.resolve("pacer-carrier-stat.csv");
        core = new StandInCore(50, false, true);
        pacer = new PacerSipServer(config);
        core.attach(pacer.telephony());
        pacer.start(core);
        agents = VirtualAgents.start(agentCount, LongSampler.fixed(0), 1);
        agents.registerAll(pacer.sipPort());
        long deadline = System.currentTimeMillis() + 30_000;
        while (core.logins() < agentCount && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        if (core.logins() < agentCount) {
            throw new IllegalStateException("only " + core.logins() + " of " + agentCount + " agents logged in");
        }
        System.out.printf("pacer: %d agents logged in, carrier SIPp on %d%n", agentCount, carrierPort);
    }

    /** Dials at {@code rate} calls per second for {@code seconds}, then lets calls finish and measures. */
    Step step(int rate, int seconds) throws Exception {
        long dialsBefore = pacer.stats().dials();
        long answeredBefore = core.answered();
        long failedBefore = core.failedTotal();
        long abandonedBefore = core.abandoned();
        long refusedBefore = pacer.refusedWork();
        long sippFailedBefore = Math.max(0, SippProcess.statColumn(carrierStats, "FailedCall(C)"));
        interval = pacer.answerToBridge().answerToBridgeNanos().getIntervalHistogram(interval);
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        Telephony t = pacer.telephony();
        long dialled = 0;
        long total = (long) rate * seconds;
        while (dialled < total) {
            long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
            while (dialled < due) {
                long id = nextCallId++;
                t.dial(id, 1, id, "+1555" + (1_000_000 + id % 9_000_000), null, 20_000);
                dialled++;
            }
            LockSupport.parkNanos(500_000);
        }
        long wallDial = System.nanoTime() - start;
        long cpuDial = os.getProcessCpuTime() - cpuBefore;
        long settle = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < settle && pacer.stats().callsInProgress() > 0) {
            Thread.sleep(20);
        }
        Thread.sleep(1_500);
        interval = pacer.answerToBridge().answerToBridgeNanos().getIntervalHistogram(interval);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long sippFailed = SippProcess.statColumn(carrierStats, "FailedCall(C)");
        Step s = new Step(rate, seconds, pacer.stats().dials() - dialsBefore, core.answered() - answeredBefore,
                core.failedTotal() - failedBefore, core.abandoned() - abandonedBefore,
                sippFailed < 0 ? -1 : sippFailed - sippFailedBefore,
                interval.getValueAtPercentile(50), interval.getValueAtPercentile(99), interval.getValueAtPercentile(99.9),
                interval.getMaxValue(), cpuDial / (double) wallDial, heap, pacer.liveDialogs(),
                pacer.refusedWork() - refusedBefore);
        System.out.printf("pacer: %d cps x %d s -> dialled %d answered %d failed %d abandoned %d sippFailed %d"
                        + " p50 %.1f us p99 %.1f us p99.9 %.1f us max %.1f us cpu %.2f cores heap %d MB dialogs %d%n",
                s.rate(), s.seconds(), s.dialled(), s.answered(), s.failed(), s.abandoned(), s.sippFailed(),
                s.p50Nanos() / 1e3, s.p99Nanos() / 1e3, s.p999Nanos() / 1e3, s.maxNanos() / 1e3, s.cpuCores(), s.heapMb(),
                s.dialogsAfter());
        return s;
    }

    /** A long run at one rate, sampling heap and live dialogs every {@code sampleSeconds}. */
    Soak soak(int rate, int seconds, int sampleSeconds) throws Exception {
        List<long[]> samples = new ArrayList<>();
        Step total = null;
        int done = 0;
        long dialsBefore = pacer.stats().dials();
        long answeredBefore = core.answered();
        long failedBefore = core.failedTotal() + core.abandoned();
        while (done < seconds) {
            Step s = step(rate, sampleSeconds);
            done += sampleSeconds;
            samples.add(new long[] {done, s.heapMb(), s.dialogsAfter(), pacer.liveClientTransactions(),
                    pacer.liveServerTransactions(), s.p99Nanos(), s.failed() + s.abandoned(), s.sippFailed()});
            total = s;
        }
        Step summary = new Step(rate, seconds, pacer.stats().dials() - dialsBefore, core.answered() - answeredBefore,
                core.failedTotal() + core.abandoned() - failedBefore, 0, total.sippFailed(), total.p50Nanos(),
                total.p99Nanos(), total.p999Nanos(), total.maxNanos(), total.cpuCores(), total.heapMb(),
                total.dialogsAfter(), total.refusedWork());
        return new Soak(rate, seconds, samples, summary);
    }

    void close() {
        pacer.close();
        agents.close();
        core.close();
        carrier.close();
    }
}
