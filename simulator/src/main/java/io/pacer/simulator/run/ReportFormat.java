package io.pacer.simulator.run;

import java.util.List;
import java.util.Locale;

/** Writes simulation summaries as the text report or as JSON (fields named as in {@code docs/scenarios.md}). */
public final class ReportFormat {
    private ReportFormat() {
    }

    /** A human-readable table: one row per policy, means with the spread. */
    public static String text(List<Summary> summaries) {
        StringBuilder b = new StringBuilder();
        if (summaries.isEmpty()) {
            return "";
        }
        Summary first = summaries.get(0);
        b.append(String.format(Locale.ROOT, "scenario %s, %d seeds, abandonment target %.1f%%%n",
                first.scenario(), first.runs().size(), first.abandonTarget() * 100));
        b.append(String.format(Locale.ROOT, "%-12s %16s %9s %8s %15s %9s %10s %12s %9s %7s %6s%n", "policy",
                "abandon mean±sd", "max seed", "worst h", "occupancy±sd", "util", "wait s", "conn/ag-h",
                "dials", "under", "bad"));
        for (Summary s : summaries) {
            b.append(String.format(Locale.ROOT, "%-12s %7.2f%% ±%5.2f %8.2f%% %7.2f%% %8.3f ±%5.3f %9.3f %10.1f %12.1f %9.0f %6.0f%% %6d%n",
                    s.policy(), s.mean(RunResult::abandonRate) * 100, s.sd(RunResult::abandonRate) * 100,
                    s.max(RunResult::abandonRate) * 100, s.mean(RunResult::abandonRateWorstHour) * 100,
                    s.mean(RunResult::occupancy), s.sd(RunResult::occupancy), s.mean(RunResult::utilization),
                    s.mean(RunResult::agentWaitMeanSeconds), s.mean(RunResult::connectsPerAgentHour),
                    s.mean(r -> r.dials()), s.shareUnderTarget() * 100, s.total(RunResult::violations)));
        }
        for (Summary s : summaries) {
            if (previewed(s)) {
                b.append(String.format(Locale.ROOT, "%-12s offers %.1f: accepted %.1f, skipped %.1f, call later %.1f, "
                                + "do-not-call %.1f, timed out %.1f (open %.1f-%.1f s); decision mean %.1f s; "
                                + "paused %.1f times (%.3f); previewing %.3f, busy %.3f%n", s.policy(),
                        s.mean(r -> r.preview().offers()),
                        s.mean(r -> r.preview().accepts()), s.mean(r -> r.preview().skips()),
                        s.mean(r -> r.preview().callLaters()), s.mean(r -> r.preview().doNotCalls()),
                        s.mean(r -> r.preview().timeouts()), s.min(r -> r.preview().timeoutMinSeconds()),
                        s.max(r -> r.preview().timeoutMaxSeconds()), s.mean(r -> r.preview().decisionMeanSeconds()),
                        s.mean(r -> r.preview().pauses()), s.mean(r -> r.preview().pausedShare()),
                        s.mean(r -> r.preview().previewShare()), s.mean(r -> r.preview().busyShare())));
            }
        }
        return b.toString();
    }

    /** True for the agent-first modes, whose runs carry the preview desk's figures. */
    static boolean previewed(Summary s) {
        return s.policy().equals(PolicyChoice.PREVIEW.label()) || s.policy().equals(PolicyChoice.PUSH_PREVIEW.label());
    }

    /**
     * JSON: for one policy, one object with the figures at the top level; for several, an object with one such
     * object per policy name.
     */
    public static String json(List<Summary> summaries) {
        if (summaries.size() == 1) {
            return object(summaries.get(0), "");
        }
        StringBuilder b = new StringBuilder("{\n");
        for (int i = 0; i < summaries.size(); i++) {
            Summary s = summaries.get(i);
            b.append("  \"").append(s.policy()).append("\": ").append(object(s, "  "));
            b.append(i + 1 < summaries.size() ? ",\n" : "\n");
        }
        return b.append("}").toString();
    }

    private static String object(Summary s, String indent) {
        StringBuilder b = new StringBuilder("{\n");
        String in = indent + "  ";
        field(b, in, "scenario", "\"" + s.scenario().replace("\"", "\\\"") + "\"");
        field(b, in, "policy", "\"" + s.policy() + "\"");
        field(b, in, "seeds", Integer.toString(s.runs().size()));
        field(b, in, "abandon_target", num(s.abandonTarget()));
        field(b, in, "abandon_rate", num(s.mean(RunResult::abandonRate)));
        field(b, in, "abandon_rate_sd", num(s.sd(RunResult::abandonRate)));
        field(b, in, "abandon_rate_max", num(s.max(RunResult::abandonRate)));
        field(b, in, "seeds_over_target", Long.toString(s.seedsOverTarget()));
        field(b, in, "abandon_rate_worst_hour", num(s.mean(RunResult::abandonRateWorstHour)));
        field(b, in, "abandon_rate_worst_hour_max", num(s.max(RunResult::abandonRateWorstHour)));
        field(b, in, "occupancy", num(s.mean(RunResult::occupancy)));
        field(b, in, "occupancy_sd", num(s.sd(RunResult::occupancy)));
        field(b, in, "occupancy_min", num(s.min(RunResult::occupancy)));
        field(b, in, "utilization", num(s.mean(RunResult::utilization)));
        field(b, in, "agent_wait_mean", num(s.mean(RunResult::agentWaitMeanSeconds)));
        field(b, in, "connects_per_agent_hour", num(s.mean(RunResult::connectsPerAgentHour)));
        field(b, in, "dials", num(s.mean(r -> r.dials())));
        field(b, in, "answers", num(s.mean(r -> r.answers())));
        field(b, in, "abandons", num(s.mean(r -> r.abandons())));
        field(b, in, "events", num(s.mean(r -> r.events())));
        field(b, in, "violations", Long.toString(s.total(RunResult::violations)));
        if (previewed(s)) {
            previewFields(b, in, s);
        }
        field(b, in, "events_per_second", num(s.eventsPerSecond()));
        b.append(in).append("\"wall_seconds\": ").append(num(s.total(r -> Math.round(r.wallSeconds() * 1000)) / 1000.0))
                .append("\n").append(indent).append("}");
        return b.toString();
    }

    private static void previewFields(StringBuilder b, String in, Summary s) {
        field(b, in, "preview_offers", num(s.mean(r -> r.preview().offers())));
        field(b, in, "preview_accepts", num(s.mean(r -> r.preview().accepts())));
        field(b, in, "preview_skips", num(s.mean(r -> r.preview().skips())));
        field(b, in, "preview_call_laters", num(s.mean(r -> r.preview().callLaters())));
        field(b, in, "preview_do_not_calls", num(s.mean(r -> r.preview().doNotCalls())));
        field(b, in, "preview_timeouts", num(s.mean(r -> r.preview().timeouts())));
        field(b, in, "preview_timeout_min", num(s.min(r -> r.preview().timeoutMinSeconds())));
        field(b, in, "preview_timeout_max", num(s.max(r -> r.preview().timeoutMaxSeconds())));
        field(b, in, "preview_decision_mean", num(s.mean(r -> r.preview().decisionMeanSeconds())));
        field(b, in, "preview_pauses", num(s.mean(r -> r.preview().pauses())));
        field(b, in, "preview_paused_share", num(s.mean(r -> r.preview().pausedShare())));
        field(b, in, "preview_share", num(s.mean(r -> r.preview().previewShare())));
        field(b, in, "busy_share", num(s.mean(r -> r.preview().busyShare())));
    }

    private static void field(StringBuilder b, String indent, String name, String value) {
        b.append(indent).append('"').append(name).append("\": ").append(value).append(",\n");
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
