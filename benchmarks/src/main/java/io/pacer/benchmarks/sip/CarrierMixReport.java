package io.pacer.benchmarks.sip;

import io.pacer.engine.call.CallOutcome;
import java.util.List;

/** The mixed carrier run's report, written to {@code benchmarks/results/carrier-mix.md}. */
final class CarrierMixReport {

    private CarrierMixReport() {
    }

    static String markdown(CarrierMix.Result r) {
        MixLedger.Check c = r.check;
        StringBuilder md = new StringBuilder();
        md.append("# The mixed carrier run\n\n")
                .append("Written by `benchmarks/carrier-mix.sh` (`io.pacer.benchmarks.sip.CarrierMix`); what it does and why in\n")
                .append("[docs/sip.md](../../docs/sip.md#the-mixed-carrier-run). The machine was shared with other work:\n")
                .append("the figures show behaviour, not speed.\n\n")
                .append("| setting | value |\n|---|---|\n")
                .append("| dialling | ").append(r.dialMillis / 1_000).append(" s at up to ").append(r.rate)
                .append(" calls/s (the trunk's cap), progressive, ").append(r.agents).append(" SIPp agents' phones |\n")
                .append("| verdict | ").append(r.passed() ? "**every check holds**" : "**FAILED**").append(" |\n\n");
        md.append("## Contacts\n\n| | count |\n|---|---|\n")
                .append("| contacts taken from the supply (hand-backs taken again included) | ").append(c.takes).append(" |\n")
                .append("| handed back untouched (not placed: 503 back-off, rate-cap queue past the ring time) | ")
                .append(c.handedBack).append(" |\n")
                .append("| handed back and not dialled again before the end (0 records, 0 attempts) | ")
                .append(c.neverRedialled).append(" |\n")
                .append("| contacts with a record | ").append(c.contacts).append(" |\n")
                .append("| records | ").append(c.records).append(" |\n")
                .append("| INVITEs the SIPp carrier saw | ").append(r.sippCalls).append(" |\n")
                .append("| records that differ from what the carrier did with the number | ").append(c.problems.size())
                .append(" |\n\n");
        md.append("## Outcomes\n\n| outcome | records | carrier's behaviour |\n|---|---|---|\n");
        for (CallOutcome o : List.of(CallOutcome.CONNECTED, CallOutcome.BUSY, CallOutcome.NO_ANSWER, CallOutcome.FAILURE,
                CallOutcome.ABANDONED)) {
            md.append("| ").append(o).append(" | ").append(c.byOutcome.getOrDefault(o, 0L)).append(" | ")
                    .append(behaviour(o)).append(" |\n");
        }
        md.append("\n## Signalling and media\n\n| | count |\n|---|---|\n")
                .append("| 503s with Retry-After that made the trunk back off | ").append(r.stats.backoffs()).append(" |\n")
                .append("| dials not placed (handed back by the adapter) | ").append(r.stats.notPlaced()).append(" |\n")
                .append("| timed sessions (Session-Expires 90, refresher=uac, Require: timer) | ").append(c.sessionCalls)
                .append(" |\n")
                .append("| session refreshes Pacer sent | ").append(r.refreshesSent).append(" |\n")
                .append("| carrier hang-ups | ").append(r.stats.carrierHangUps()).append(" |\n")
                .append("| SIPp carrier calls successful / failed | ").append(r.sippSuccessful).append(" / ")
                .append(r.sippFailed).append(" |\n")
                .append("| RTP packets the relay forwarded | ").append(r.packetsForwarded).append(" |\n")
                .append("| answered calls abandoned | ").append(r.engine.abandons()).append(" |\n")
                .append("| calls left up at the end | ").append(r.drained ? 0 : r.stats.callsInProgress()).append(" |\n")
                .append(String.format("| answer-to-bridge p99 | %.0f µs |%n", r.answerToBridgeP99Micros));
        List<String> failures = r.failures();
        if (!failures.isEmpty()) {
            md.append("\n## Failed checks\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    private static String behaviour(CallOutcome o) {
        return switch (o) {
            case CONNECTED -> "numbers ending 0-3, 8, 9: answered (0, 1 with a session timer and a refresh; 8 after early "
                    + "media), bridged, hung up by the carrier";
            case BUSY -> "ending 4 (at once) and 5 (after 2 s of ringing)";
            case NO_ANSWER -> "ending 6: rang until Pacer's CANCEL at the 15 s ring time";
            case FAILURE -> "ending 7: 503 with Retry-After: 2";
            default -> "none expected (progressive pacing)";
        };
    }
}
