package io.pacer.benchmarks.pacing;

import io.pacer.pacing.DialResult;
import io.pacer.pacing.PacingDecision;
import io.pacer.pacing.PacingInput;
import io.pacer.pacing.PredictivePolicy;
import io.pacer.pacing.PredictiveSettings;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one predictive pacing decision for a campaign of {@code agents} agents, about half talking, a fifth
 * in wrap-up, a tenth ready, and one and a half calls ringing per agent: the work the core does on every event
 * of a predictive campaign. Run with {@code benchmarks/jmh.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PredictiveDecisionBenchmark {
    private static final long S = 1_000_000_000L;

    @Param({"5", "20", "100"})
    public int agents;

    private PredictivePolicy policy;
    private PacingInput input;
    private final PacingDecision decision = new PacingDecision();

    /** Trains the estimators on a plausible day and builds the snapshot. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        policy = new PredictivePolicy(PredictiveSettings.defaults(0.03, 25 * S, 2 * S));
        for (int i = 0; i < 5_000; i++) {
            double u = r.nextDouble();
            if (u < 0.2) {
                policy.onDialResolved(0, DialResult.ANSWERED, (long) (r.nextDouble(3, 20) * S));
            } else if (u < 0.4) {
                policy.onDialResolved(0, DialResult.NOT_ANSWERED, (long) (r.nextDouble(1, 6) * S));
            } else {
                policy.onDialResolved(0, DialResult.RANG_OUT, 25 * S);
            }
        }
        for (int i = 0; i < 2_000; i++) {
            policy.onTalkEnded(0, (long) (r.nextDouble(20, 400) * S));
            policy.onWrapEnded(0, (long) (r.nextDouble(5, 40) * S));
            policy.onAnswerHandled(i * S, i % 35 == 0);
        }
        input = new PacingInput();
        input.reset(10_000 * S, agents, agents * 4);
        input.readyAgents = Math.max(1, agents / 10);
        for (int i = 0; i < agents / 2; i++) {
            input.addTalking((long) (r.nextDouble(0, 300) * S));
        }
        for (int i = 0; i < agents / 5; i++) {
            input.addWrapping((long) (r.nextDouble(0, 30) * S));
        }
        for (int i = 0; i < agents * 3 / 2; i++) {
            input.addRinging((long) (r.nextDouble(0, 25) * S));
        }
    }

    /** One decision. */
    @Benchmark
    public int decide() {
        policy.decide(input, decision);
        return decision.callsToPlace;
    }
}
