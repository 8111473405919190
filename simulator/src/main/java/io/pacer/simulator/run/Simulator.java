package io.pacer.simulator.run;

import io.pacer.simulator.scenario.Scenario;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a scenario under one or more policies over seeds 1..N, in parallel on the machine's cores (each run is
 * independent and deterministic, so the results do not depend on the threads), printing progress for long
 * runs.
 */
public final class Simulator {
    private final int threads;
    private final PrintStream progress;

    /**
     * @param threads  worker threads (runs in parallel)
     * @param progress where progress lines go (stderr), or {@code null} for none
     */
    public Simulator(int threads, PrintStream progress) {
        this.threads = Math.max(1, threads);
        this.progress = progress;
    }

    /** Runs every policy over seeds {@code 1..seeds} and returns one summary per policy, in the given order. */
    public List<Summary> run(Scenario scenario, List<PolicyChoice> policies, int seeds) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pacer-sim");
            t.setDaemon(true);
            return t;
        });
        try {
            int total = policies.size() * seeds;
            AtomicInteger done = new AtomicInteger();
            long start = System.nanoTime();
            long[] lastPrint = {start};
            List<List<Future<RunResult>>> futures = new ArrayList<>();
            for (PolicyChoice p : policies) {
                List<Future<RunResult>> perPolicy = new ArrayList<>();
                for (int seed = 1; seed <= seeds; seed++) {
                    long s = seed;
                    perPolicy.add(pool.submit(() -> {
                        RunResult r = new Simulation(scenario, s, p).run();
                        reportProgress(scenario, done.incrementAndGet(), total, start, lastPrint);
                        return r;
                    }));
                }
                futures.add(perPolicy);
            }
            List<Summary> out = new ArrayList<>();
            for (int i = 0; i < policies.size(); i++) {
                List<RunResult> runs = new ArrayList<>();
                for (Future<RunResult> f : futures.get(i)) {
                    runs.add(f.get());
                }
                out.add(new Summary(scenario.name(), policies.get(i).label(), scenario.abandonTarget(), runs));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void reportProgress(Scenario scenario, int done, int total, long start, long[] lastPrint) {
        if (progress == null) {
            return;
        }
        long now = System.nanoTime();
        synchronized (lastPrint) {
            // A line at most every two seconds, and only once the run has lasted a few seconds.
            if ((now - start > 3_000_000_000L && now - lastPrint[0] > 2_000_000_000L) || (done == total && now - start > 3_000_000_000L)) {
                lastPrint[0] = now;
                progress.printf("%s: %d/%d runs done, %.1f s%n", scenario.name(), done, total, (now - start) / 1e9);
            }
        }
    }
}
