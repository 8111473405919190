package io.pacer.launcher;

import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.StartupHeap;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.pacing.DialMode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code pacer demo [--minutes N] [--seconds N] [--agents N] [--port N]}: the real engine, storage and API, and
 * the real SIP adapter, dialling a virtual carrier and bridging to virtual agents over SIP and RTP on
 * 127.0.0.1 ({@link DemoFloor}). It prints the console's URL with a supervisor's token in its fragment, so one
 * click opens the floor, and a status line every ten seconds; it runs until interrupted, or for the time given.
 */
public final class DemoCommand {

    private static final String USAGE = "usage: pacer demo [--minutes N] [--seconds N] [--agents N] [--port N]";
    private static final long STATUS_EVERY_MILLIS = 10_000;

    private DemoCommand() {
    }

    /** Runs the demo; returns the exit code (0 ok, 1 failure, 2 bad usage). */
    public static int run(String[] args) {
        return run(args, System.out);
    }

    /** What the command line asks for. */
    private record Options(long runMillis, int agents, int port) {
        static Options parse(String[] args) {
            long runMillis = Long.MAX_VALUE;
            int agents = 20;
            int port = 8080;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--minutes" -> runMillis = positive(args[++i], "--minutes") * 60_000L;
                    case "--seconds" -> runMillis = positive(args[++i], "--seconds") * 1_000L;
                    case "--agents" -> agents = positive(args[++i], "--agents");
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                }
            }
            return new Options(runMillis, agents, port);
        }
    }

    /** Runs the demo printing to {@code out}; returns the exit code (0 ok, 1 failure, 2 bad usage). */
    public static int run(String[] args, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("pacer demo: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        // Short rings, talks and wrap-ups, and many quick busy answers, so that predictive pacing leaves its
        // progressive warm-up within seconds and a minute shows it at work: 30% answer after about 4 s, 35%
        // busy, the rest ring until the 15 s ring timeout.
        CarrierProfile customers = new CarrierProfile(0.30, 0.35, LongSampler.lognormal(4_000, 0.5),
                LongSampler.exponential(10_000));
        DemoFloor.Settings settings = new DemoFloor.Settings(options.agents(), DialMode.PREDICTIVE, customers,
                LongSampler.exponential(3_000), true, 20_000, options.port());
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = stopHook(interrupted, closed);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Path directory = Files.createTempDirectory("pacer-demo");
            try (DemoFloor floor = DemoFloor.start(settings, directory)) {
                StartupHeap.settle();
                out.printf("pacer demo: %d virtual agents, virtual carrier on 127.0.0.1:%d, Pacer SIP on 127.0.0.1:%d,"
                        + " database in %s%n", options.agents(), floor.world().carrier().sipPort(),
                        floor.pacer().sip().sipPort(), directory);
                out.println("pacer demo: console (signed in as the supervisor): " + floor.supervisorUrl());
                out.println("pacer demo: an agent's desktop: " + floor.consoleUrl() + "#token=" + floor.agentToken(0));
                out.flush();
                watch(floor, options.runMillis(), interrupted, out);
                floor.pacer().control().setRunning(DemoFloor.CAMPAIGN, false);
                out.printf("pacer demo: done; SIP dialogs alive %d, relay packets forwarded %d%n",
                        floor.pacer().sip().liveDialogs(), floor.pacer().sip().relay().packetsForwarded());
            }
            return 0;
        } catch (Exception e) {
            System.err.println("pacer demo: " + e);
            return 1;
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping: the hook is running and waits for the close above.
            }
        }
    }

    /** On Ctrl-C: stop watching, and hold the JVM until the demo has closed (calls ended, journal written). */
    private static Thread stopHook(CountDownLatch interrupted, CountDownLatch closed) {
        return new Thread(() -> {
            interrupted.countDown();
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pacer-demo-stop");
    }

    private static void watch(DemoFloor floor, long runMillis, CountDownLatch interrupted, PrintStream out)
            throws Exception {
        long startMillis = System.currentTimeMillis();
        while (System.currentTimeMillis() - startMillis < runMillis) {
            long left = runMillis - (System.currentTimeMillis() - startMillis);
            if (interrupted.await(Math.min(STATUS_EVERY_MILLIS, left), TimeUnit.MILLISECONDS)) {
                return;
            }
            CampaignStats s = floor.pacer().ring().query(core -> core.stats(DemoFloor.CAMPAIGN)).get(2, TimeUnit.SECONDS);
            Histogram bridge = floor.pacer().sip().answerToBridge().totalAnswerToBridge();
            out.printf("%4ds agents ready %2d on-call %2d wrap %2d | in flight %3d waiting %2d"
                            + " | ratio %.2f/%.2f | dials %5d answers %4d connects %4d abandons %3d (%.1f%%)"
                            + " | answer-to-bridge p99 %s%n",
                    (System.currentTimeMillis() - startMillis) / 1000, s.agentsReady(), s.agentsOnCall(), s.agentsWrapUp(),
                    s.callsRinging(), s.callsWaitingForAgent(), s.callsPerReadyAgent(), s.callsPerWrapAgent(), s.dials(),
                    s.answers(), s.connects(), s.abandons(), 100 * s.abandonRate(),
                    bridge.getTotalCount() == 0 ? "-" : String.format("%.0f us", bridge.getValueAtPercentile(99) / 1e3));
        }
    }

    private static int positive(String value, String option) {
        int n = Integer.parseInt(value);
        if (n <= 0) {
            throw new IllegalArgumentException(option + " must be a positive whole number, was " + n);
        }
        return n;
    }
}
