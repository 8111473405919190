package io.pacer.simulator.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written {@code 25s}, {@code 15m}, {@code 8h}, {@code 2h30m}, {@code 1.5s}, {@code 250ms}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private Durations() {
    }

    /** Nanoseconds of a duration; {@code key} names the value in the error. */
    public static long parseNanos(String key, Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ScenarioException(key, "expected a duration like 25s, 15m or 2h30m, got " + value);
        }
        Matcher m = PART.matcher(text.trim());
        int pos = 0;
        double nanos = 0;
        String s = text.trim();
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new ScenarioException(key, "expected a duration like 25s, 15m or 2h30m, got '" + text + "'");
            }
            double n = Double.parseDouble(m.group(1));
            nanos += switch (m.group(2)) {
                case "h" -> n * 3.6e12;
                case "m" -> n * 6e10;
                case "s" -> n * 1e9;
                default -> n * 1e6;
            };
            pos = m.end();
        }
        return Math.round(nanos);
    }
}
