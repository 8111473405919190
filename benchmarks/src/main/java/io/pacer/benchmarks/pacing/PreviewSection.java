package io.pacer.benchmarks.pacing;

import io.pacer.simulator.run.PolicyChoice;
import io.pacer.simulator.run.RunResult;
import io.pacer.simulator.run.Summary;
import java.util.List;
import java.util.Locale;

/**
 * The pacing report's preview section: for each scenario run in the preview modes, what the agents did with the
 * engine's offers (means over seeds; the fields of {@code docs/scenarios.md}, "Preview"). Empty when no scenario
 * has preview keys.
 */
final class PreviewSection {

    private PreviewSection() {
    }

    static String of(List<List<Summary>> all) {
        StringBuilder b = new StringBuilder();
        for (List<Summary> scenario : all) {
            for (Summary s : scenario) {
                if (!s.policy().equals(PolicyChoice.PREVIEW.label()) && !s.policy().equals(PolicyChoice.PUSH_PREVIEW.label())) {
                    continue;
                }
                b.append(String.format(Locale.ROOT,
                        "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f (%.1f–%.1f s) | %.1f | %.1f | %.1f s | %.3f | %.3f | %.3f | %d |%n",
                        s.scenario(), s.policy(), s.mean(r -> r.preview().offers()), s.mean(r -> r.preview().accepts()),
                        s.mean(r -> r.preview().skips()), s.mean(r -> r.preview().callLaters()),
                        s.mean(r -> r.preview().doNotCalls()), s.mean(r -> r.preview().timeouts()),
                        s.min(r -> r.preview().timeoutMinSeconds()), s.max(r -> r.preview().timeoutMaxSeconds()),
                        s.mean(r -> r.preview().lateAnswers()), s.mean(r -> r.preview().pauses()),
                        s.mean(r -> r.preview().decisionMeanSeconds()), s.mean(r -> r.preview().previewShare()),
                        s.mean(RunResult::occupancy), s.mean(r -> r.preview().busyShare()), s.total(RunResult::violations)));
            }
        }
        if (b.isEmpty()) {
            return "";
        }
        return "\n## Preview: agents at the engine's preview desk\n\n"
                + "Per shift, means over seeds. An offer ends accepted (dialled for the agent), skipped, set to call later, "
                + "marked do-not-call, or taken back by the engine at the campaign's preview timeout (the range is the "
                + "shortest and longest an offer was open when it was taken back); *late* are answers drawn to come after "
                + "the timeout, dropped; *paused* counts the engine's pauses after missed offers. *Previewing* is time "
                + "looking at offers, *occupancy* (talk + wrap-up) as above, *busy* adds previewing and the accepted call's "
                + "ringing, all over logged-in time.\n\n"
                + "| scenario | mode | offers | accepted | skipped | call later | do-not-call | timed out | late | paused "
                + "| decision mean | previewing | occupancy | busy | violations |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n" + b;
    }
}
