package io.pacer.simulator.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a scenario file. Every key of the format is implemented; an unknown key, a missing one or a malformed
 * value is an error naming it, so that a typo never silently falls back to a default.
 */
public final class ScenarioParser {
    private static final Set<String> KEYS = Set.of("name", "shift", "seeds", "agents", "answer_probability",
            "busy_probability", "failure_probability", "ring_time", "busy_time", "failure_time",
            "no_answer_timeout", "talk_time", "wrap_time", "abandon_target", "connect_limit", "machine_share", "amd",
            "amd_false_positive", "amd_false_negative", "amd_human_delay", "amd_machine_delay", "machine_talk_time",
            "numbers_per_contact", "lists", "treatments", "inbound_per_hour", "inbound_talk_time", "inbound_max_wait",
            "inbound_patience", "inbound_reserved_agents", "preview_decision_time", "preview_skip",
            "preview_call_later", "preview_do_not_call", "preview_undecided", "preview_timeout",
            "preview_call_later_delay", "preview_max_missed", "preview_pause_time");
    private static final long MIN_RING_TIMEOUT_NANOS = 15_000_000_000L;

    private ScenarioParser() {
    }

    /** Reads and validates a scenario file. */
    public static Scenario parse(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r);
        }
    }

    /** Reads and validates a scenario from text. */
    public static Scenario parse(Reader reader) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new ScenarioException("file", "not valid YAML: " + e.getMessage().split("\n")[0]);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new ScenarioException("file", "expected a mapping of keys to values");
        }
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new ScenarioException(String.valueOf(k), "unknown key (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        String name = string(map, "name");
        long shift = positiveDuration(map, "shift");
        int seeds = map.containsKey("seeds") ? integer(map, "seeds", 1, 10_000) : 10;
        Steps agents = steps(map, "agents", shift, true);
        Steps answer = steps(map, "answer_probability", shift, false);
        double busy = probability(map, "busy_probability");
        double failure = probability(map, "failure_probability");
        for (int i = 0; i < answer.size(); i++) {
            if (answer.value(i) + busy + failure > 1.0 + 1e-9) {
                throw new ScenarioException("answer_probability", "answer + busy + failure probabilities exceed 1 ("
                        + answer.value(i) + " + " + busy + " + " + failure + ")");
            }
        }
        long timeout = positiveDuration(map, "no_answer_timeout");
        if (timeout < MIN_RING_TIMEOUT_NANOS) {
            throw new ScenarioException("no_answer_timeout", "must be at least 15s (the legal minimum ring time)");
        }
        double target = probability(map, "abandon_target");
        if (target <= 0) {
            throw new ScenarioException("abandon_target", "must be above 0");
        }
        long connect = positiveDuration(map, "connect_limit");
        return new Scenario(name, shift, seeds, agents, answer, busy, failure,
                distribution(map, "ring_time"), distribution(map, "busy_time"), distribution(map, "failure_time"),
                timeout, distribution(map, "talk_time"), distribution(map, "wrap_time"), target, connect, amd(map),
                ListModelParser.parse(map), InboundModelParser.parse(map),
                PreviewModelParser.parse(map));
    }

    /** The answering-machine keys, each optional with the defaults of {@link AmdModel#NONE}. */
    private static AmdModel amd(Map<?, ?> map) {
        AmdModel d = AmdModel.NONE;
        Object on = map.get("amd");
        if (on != null && !(on instanceof Boolean)) {
            throw new ScenarioException("amd", "expected true or false, got " + on);
        }
        return new AmdModel(map.containsKey("machine_share") ? probability(map, "machine_share") : 0,
                Boolean.TRUE.equals(on),
                map.containsKey("amd_false_positive") ? probability(map, "amd_false_positive") : d.falsePositive(),
                map.containsKey("amd_false_negative") ? probability(map, "amd_false_negative") : d.falseNegative(),
                map.containsKey("amd_human_delay") ? distribution(map, "amd_human_delay") : d.humanDelay(),
                map.containsKey("amd_machine_delay") ? distribution(map, "amd_machine_delay") : d.machineDelay(),
                map.containsKey("machine_talk_time") ? distribution(map, "machine_talk_time") : d.machineTalkTime());
    }

    private static Object required(Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            throw new ScenarioException(key, "missing");
        }
        return v;
    }

    private static String string(Map<?, ?> map, String key) {
        Object v = required(map, key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new ScenarioException(key, "expected a non-empty text, got " + v);
        }
        return s;
    }

    private static long positiveDuration(Map<?, ?> map, String key) {
        long n = Durations.parseNanos(key, required(map, key));
        if (n <= 0) {
            throw new ScenarioException(key, "must be longer than 0");
        }
        return n;
    }

    static int integer(Map<?, ?> map, String key, int min, int max) {
        Object v = required(map, key);
        if (!(v instanceof Integer i) || i < min || i > max) {
            throw new ScenarioException(key, "expected a whole number within " + min + ".." + max + ", got " + v);
        }
        return i;
    }

    static double number(String key, Object v) {
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new ScenarioException(key, "expected a number, got " + v);
        }
        return n.doubleValue();
    }

    private static double probability(Map<?, ?> map, String key) {
        double p = number(key, required(map, key));
        if (p < 0 || p > 1) {
            throw new ScenarioException(key, "expected a probability within 0..1, got " + p);
        }
        return p;
    }

    private static Steps steps(Map<?, ?> map, String key, long shift, boolean wholeAgents) {
        Object v = required(map, key);
        if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new ScenarioException(key, "expected at least one step");
            }
            long[] at = new long[list.size()];
            double[] values = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                String k = key + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> step)) {
                    throw new ScenarioException(k, "expected {at: DURATION, value: NUMBER}");
                }
                for (Object sk : step.keySet()) {
                    if (!"at".equals(sk) && !"value".equals(sk)) {
                        throw new ScenarioException(k + "." + sk, "unknown key (known: at, value)");
                    }
                }
                Object atValue = step.get("at");
                if (atValue == null) {
                    throw new ScenarioException(k + ".at", "missing");
                }
                at[i] = "0".equals(String.valueOf(atValue)) ? 0 : Durations.parseNanos(k + ".at", atValue);
                if (!step.containsKey("value")) {
                    throw new ScenarioException(k + ".value", "missing");
                }
                values[i] = checkValue(k + ".value", number(k + ".value", step.get("value")), wholeAgents);
                if (i == 0 && at[i] != 0) {
                    throw new ScenarioException(k + ".at", "the first step must be at 0h");
                }
                if (i > 0 && at[i] <= at[i - 1]) {
                    throw new ScenarioException(k + ".at", "steps must be in increasing time order");
                }
                if (at[i] >= shift) {
                    throw new ScenarioException(k + ".at", "is not inside the shift");
                }
            }
            return new Steps(at, values);
        }
        return Steps.constant(checkValue(key, number(key, v), wholeAgents));
    }

    private static double checkValue(String key, double value, boolean wholeAgents) {
        if (wholeAgents) {
            if (value != Math.rint(value) || value < 0 || value > 100_000) {
                throw new ScenarioException(key, "expected a whole number of agents within 0..100000, got " + value);
            }
        } else if (value < 0 || value > 1) {
            throw new ScenarioException(key, "expected a probability within 0..1, got " + value);
        }
        return value;
    }

    static Distribution distribution(Map<?, ?> map, String key) {
        Object v = required(map, key);
        if (!(v instanceof Map<?, ?> d)) {
            throw new ScenarioException(key, "expected {dist: lognormal|exponential|constant|uniform, ...}");
        }
        Object kind = d.get("dist");
        if (kind == null) {
            throw new ScenarioException(key + ".dist", "missing");
        }
        Set<String> allowed = switch (String.valueOf(kind)) {
            case "lognormal" -> Set.of("dist", "mean", "sd");
            case "exponential" -> Set.of("dist", "mean");
            case "constant" -> Set.of("dist", "value");
            case "uniform" -> Set.of("dist", "min", "max");
            default -> throw new ScenarioException(key + ".dist",
                    "unknown distribution '" + kind + "' (known: lognormal, exponential, constant, uniform)");
        };
        for (Object k : d.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw new ScenarioException(key + "." + k, "unknown key for " + kind + " (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return switch (String.valueOf(kind)) {
            case "lognormal" -> {
                long mean = positiveDuration(d, key + ".mean", "mean");
                long sd = durationField(d, key + ".sd", "sd");
                yield sd == 0 ? Distribution.constant(mean) : Distribution.lognormal(mean, sd);
            }
            case "exponential" -> Distribution.exponential(positiveDuration(d, key + ".mean", "mean"));
            case "constant" -> Distribution.constant(durationField(d, key + ".value", "value"));
            default -> {
                long min = durationField(d, key + ".min", "min");
                long max = durationField(d, key + ".max", "max");
                if (max < min) {
                    throw new ScenarioException(key + ".max", "must not be below min");
                }
                yield Distribution.uniform(min, max);
            }
        };
    }

    private static long durationField(Map<?, ?> d, String fullKey, String field) {
        Object v = d.get(field);
        if (v == null) {
            throw new ScenarioException(fullKey, "missing");
        }
        return Durations.parseNanos(fullKey, v);
    }

    private static long positiveDuration(Map<?, ?> d, String fullKey, String field) {
        long n = durationField(d, fullKey, field);
        if (n <= 0) {
            throw new ScenarioException(fullKey, "must be longer than 0");
        }
        return n;
    }
}
