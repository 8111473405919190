package io.pacer.simulator.replay;

import io.pacer.simulator.run.RunResult;
import java.util.Locale;

/**
 * The figures a replay compares, simulated or live, named as {@code ./pacer simulate --json} names them
 * ({@code docs/scenarios.md}), plus answer-to-bridge at the wire, which only a live run has (the simulator bridges
 * in no time).
 *
 * @param answerToBridgeP50Millis median from the carrier's 200 OK to the media switched to the agent
 * @param answerToBridgeP99Millis its 99th percentile
 */
public record ReplayFigures(double abandonTarget, double abandonRate, double occupancy, double utilization,
        double agentWaitMean, double connectsPerAgentHour, long dials, long answers, long connects, long abandons,
        double answerToBridgeP50Millis, double answerToBridgeP99Millis, long violations) {

    /** The simulator's figures for the world's window. */
    public static ReplayFigures simulated(ReplayWorld world) {
        RunResult r = world.simulated();
        long connects = Math.round(r.connectsPerAgentHour() * agentHours(r, world));
        return new ReplayFigures(world.compressed().abandonTarget(), r.abandonRate(), r.occupancy(), r.utilization(),
                r.agentWaitMeanSeconds(), r.connectsPerAgentHour(), r.dials(), r.answers(), connects, r.abandons(),
                0, 0, r.violations());
    }

    private static double agentHours(RunResult r, ReplayWorld world) {
        // Logged-in time is not in the result; with a fixed team it is agents x window.
        return world.compressed().agents().value(0) * world.compressed().shiftNanos() / 3.6e12;
    }

    /** Live minus simulated, field by field (the target is the target). */
    public ReplayFigures minus(ReplayFigures s) {
        return new ReplayFigures(abandonTarget, abandonRate - s.abandonRate, occupancy - s.occupancy,
                utilization - s.utilization, agentWaitMean - s.agentWaitMean,
                connectsPerAgentHour - s.connectsPerAgentHour, dials - s.dials, answers - s.answers,
                connects - s.connects, abandons - s.abandons, answerToBridgeP50Millis - s.answerToBridgeP50Millis,
                answerToBridgeP99Millis - s.answerToBridgeP99Millis, violations - s.violations);
    }

    /** One JSON object, its lines indented by {@code indent}. */
    public String json(String indent) {
        String in = indent + "  ";
        return "{\n"
                + field(in, "abandon_target", abandonTarget) + field(in, "abandon_rate", abandonRate)
                + field(in, "occupancy", occupancy) + field(in, "utilization", utilization)
                + field(in, "agent_wait_mean", agentWaitMean)
                + field(in, "connects_per_agent_hour", connectsPerAgentHour)
                + field(in, "dials", dials) + field(in, "answers", answers) + field(in, "connects", connects)
                + field(in, "abandons", abandons)
                + field(in, "answer_to_bridge_p50_ms", answerToBridgeP50Millis)
                + field(in, "answer_to_bridge_p99_ms", answerToBridgeP99Millis)
                + in + "\"violations\": " + violations + "\n" + indent + "}";
    }

    private static String field(String indent, String name, double v) {
        return indent + "\"" + name + "\": " + num(v) + ",\n";
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
