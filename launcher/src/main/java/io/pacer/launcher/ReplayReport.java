package io.pacer.launcher;

import io.pacer.simulator.replay.ReplayFigures;
import io.pacer.simulator.replay.ReplayWorld;
import java.util.Locale;

/** The text report of a replay: the simulated and the live figures of the same window side by side. */
final class ReplayReport {
    private ReplayReport() {
    }

    static String text(ReplayWorld world, LiveReplay.Outcome r) {
        ReplayFigures s = r.simulated();
        ReplayFigures l = r.live();
        ReplayFigures d = l.minus(s);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "replay of %s, seed %d, speed %s, window %d s (folder %s)%n",
                world.original().name(), world.seed(), world.speed(), world.compressed().shiftNanos() / 1_000_000_000L,
                r.folder()));
        b.append(String.format(Locale.ROOT, "%-26s %12s %12s %12s%n", "", "simulated", "live", "difference"));
        row(b, "abandon rate", s.abandonRate(), l.abandonRate(), d.abandonRate(), "%.4f");
        row(b, "occupancy", s.occupancy(), l.occupancy(), d.occupancy(), "%.4f");
        row(b, "utilization", s.utilization(), l.utilization(), d.utilization(), "%.4f");
        row(b, "agent wait mean s", s.agentWaitMean(), l.agentWaitMean(), d.agentWaitMean(), "%.2f");
        row(b, "connects per agent-hour", s.connectsPerAgentHour(), l.connectsPerAgentHour(),
                d.connectsPerAgentHour(), "%.1f");
        row(b, "dials", s.dials(), l.dials(), d.dials(), "%.0f");
        row(b, "answers", s.answers(), l.answers(), d.answers(), "%.0f");
        row(b, "connects", s.connects(), l.connects(), d.connects(), "%.0f");
        row(b, "abandons", s.abandons(), l.abandons(), d.abandons(), "%.0f");
        row(b, "answer-to-bridge p50 ms", s.answerToBridgeP50Millis(), l.answerToBridgeP50Millis(),
                d.answerToBridgeP50Millis(), "%.3f");
        row(b, "answer-to-bridge p99 ms", s.answerToBridgeP99Millis(), l.answerToBridgeP99Millis(),
                d.answerToBridgeP99Millis(), "%.3f");
        row(b, "invariant violations", s.violations(), l.violations(), d.violations(), "%.0f");
        b.append(String.format(Locale.ROOT, "abandonment target %.4f: live %s%n", s.abandonTarget(),
                l.abandonRate() <= s.abandonTarget() ? "under it" : "OVER it"));
        if (r.carrierCalls() != null) {
            b.append(String.format(Locale.ROOT, "carrier (SIPp): %d calls completed, %d failed%n", r.carrierCalls()[0],
                    r.carrierCalls()[1]));
        }
        b.append(String.format(Locale.ROOT, "RTP relay: %d packets received, %d forwarded, %d from unexpected sources%n",
                r.relayPackets()[0], r.relayPackets()[1], r.relayPackets()[2]));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, double s, double l, double d, String format) {
        b.append(String.format(Locale.ROOT, "%-26s %12s %12s %12s%n", name, String.format(Locale.ROOT, format, s),
                String.format(Locale.ROOT, format, l), String.format(Locale.ROOT, "%+" + format.substring(1), d)));
    }
}
