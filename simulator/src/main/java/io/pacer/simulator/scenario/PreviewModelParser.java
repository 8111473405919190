package io.pacer.simulator.scenario;

import java.util.Map;

/**
 * The preview keys of a scenario ({@code docs/scenarios.md}, "Preview"): {@code preview_decision_time},
 * {@code preview_skip}, {@code preview_call_later}, {@code preview_do_not_call}, {@code preview_undecided},
 * {@code preview_timeout}, {@code preview_call_later_delay}, {@code preview_max_missed},
 * {@code preview_pause_time}. Each is optional; errors name the key.
 */
final class PreviewModelParser {
    /** The engine's range for a preview timeout ({@code AgentRules}): 5 s to an hour. */
    private static final long MIN_TIMEOUT_NANOS = 5_000_000_000L;
    private static final long MAX_TIMEOUT_NANOS = 3_600_000_000_000L;

    private PreviewModelParser() {
    }

    static PreviewModel parse(Map<?, ?> map) {
        PreviewModel d = PreviewModel.NONE;
        Distribution decision = map.containsKey("preview_decision_time")
                ? ScenarioParser.distribution(map, "preview_decision_time") : d.decisionTime();
        double skip = share(map, "preview_skip");
        double later = share(map, "preview_call_later");
        double dnc = share(map, "preview_do_not_call");
        double undecided = share(map, "preview_undecided");
        if (skip + later + dnc + undecided > 1.0 + 1e-9) {
            throw new ScenarioException("preview_undecided", "preview_skip + preview_call_later + preview_do_not_call"
                    + " + preview_undecided exceed 1 (" + skip + " + " + later + " + " + dnc + " + " + undecided + ")");
        }
        long timeout = 0;
        if (map.containsKey("preview_timeout") && !"0".equals(String.valueOf(map.get("preview_timeout")))) {
            timeout = Durations.parseNanos("preview_timeout", map.get("preview_timeout"));
            if (timeout < MIN_TIMEOUT_NANOS || timeout > MAX_TIMEOUT_NANOS || timeout % 1_000_000L != 0) {
                throw new ScenarioException("preview_timeout",
                        "must be 0 (off) or whole milliseconds within 5s..1h (the campaign setting's range)");
            }
        }
        if (undecided > 0 && timeout == 0) {
            throw new ScenarioException("preview_undecided", "needs a preview_timeout: an offer nobody answers would"
                    + " hold its agent for the rest of the shift");
        }
        long laterDelay = map.containsKey("preview_call_later_delay")
                ? Durations.parseNanos("preview_call_later_delay", map.get("preview_call_later_delay"))
                : d.callLaterNanos();
        if (laterDelay <= 0) {
            throw new ScenarioException("preview_call_later_delay", "must be longer than 0");
        }
        int maxMissed = map.containsKey("preview_max_missed") ? ScenarioParser.integer(map, "preview_max_missed", 0, 100) : 0;
        if (maxMissed > 0 && timeout == 0) {
            throw new ScenarioException("preview_max_missed", "needs a preview_timeout: only offers that time out are missed");
        }
        if (maxMissed > 0 && !map.containsKey("preview_pause_time")) {
            throw new ScenarioException("preview_pause_time", "missing (needed when preview_max_missed is above 0)");
        }
        if (maxMissed == 0 && map.containsKey("preview_pause_time")) {
            throw new ScenarioException("preview_pause_time", "needs preview_max_missed above 0");
        }
        return new PreviewModel(decision, skip, later, dnc, undecided, timeout, laterDelay, maxMissed,
                maxMissed > 0 ? ScenarioParser.distribution(map, "preview_pause_time") : null);
    }

    private static double share(Map<?, ?> map, String key) {
        if (!map.containsKey(key)) {
            return 0;
        }
        double p = ScenarioParser.number(key, map.get(key));
        if (p < 0 || p > 1) {
            throw new ScenarioException(key, "expected a share within 0..1, got " + p);
        }
        return p;
    }
}
