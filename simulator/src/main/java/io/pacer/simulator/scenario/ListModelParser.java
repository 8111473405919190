package io.pacer.simulator.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the scenario keys {@code numbers_per_contact}, {@code lists} and {@code treatments}, naming any error. */
final class ListModelParser {

    private static final Set<String> CLASSES = Set.of("BUSY", "NO_ANSWER", "FAILURE", "NOT_REACHABLE");
    private static final Set<String> ACTIONS = Set.of("REDIAL", "NEXT_NUMBER", "NEXT_DAY");
    private static final long DAY_NANOS = 86_400_000_000_000L;

    private ListModelParser() {
    }

    static ListModel parse(Map<?, ?> map) {
        int numbers = 1;
        if (map.containsKey("numbers_per_contact")) {
            Object v = map.get("numbers_per_contact");
            if (!(v instanceof Integer i) || i < 1 || i > 10) {
                throw new ScenarioException("numbers_per_contact", "expected a whole number within 1..10, got " + v);
            }
            numbers = i;
        }
        return new ListModel(numbers, lists(map.get("lists")), treatments(map.get("treatments")));
    }

    private static List<ListModel.WeightedList> lists(Object v) {
        List<ListModel.WeightedList> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> items) || items.isEmpty()) {
            throw new ScenarioException("lists", "expected a list of {name: TEXT, weight: 1..1000}");
        }
        for (int i = 0; i < items.size(); i++) {
            String k = "lists[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item) || !Set.of("name", "weight").containsAll(keys(item))) {
                throw new ScenarioException(k, "expected {name: TEXT, weight: 1..1000}");
            }
            if (!(item.get("name") instanceof String name) || name.isBlank()) {
                throw new ScenarioException(k + ".name", "expected a non-empty text");
            }
            if (!(item.get("weight") instanceof Integer w) || w < 1 || w > 1000) {
                throw new ScenarioException(k + ".weight", "expected a whole number within 1..1000, got " + item.get("weight"));
            }
            out.add(new ListModel.WeightedList(name, w));
        }
        return out;
    }

    private static Map<String, List<ListModel.Step>> treatments(Object v) {
        Map<String, List<ListModel.Step>> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> byClass)) {
            throw new ScenarioException("treatments", "expected {BUSY|NO_ANSWER|FAILURE|NOT_REACHABLE: [steps]}");
        }
        for (Map.Entry<?, ?> e : byClass.entrySet()) {
            String cls = String.valueOf(e.getKey());
            if (!CLASSES.contains(cls)) {
                throw new ScenarioException("treatments." + cls, "unknown outcome class (known: BUSY, FAILURE, NOT_REACHABLE, NO_ANSWER)");
            }
            if (!(e.getValue() instanceof List<?> steps) || steps.isEmpty()) {
                throw new ScenarioException("treatments." + cls, "expected a list of {action, delay} steps");
            }
            List<ListModel.Step> parsed = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                parsed.add(step("treatments." + cls + "[" + i + "]", steps.get(i)));
            }
            out.put(cls, parsed);
        }
        return out;
    }

    private static ListModel.Step step(String k, Object v) {
        if (!(v instanceof Map<?, ?> step) || !Set.of("action", "delay").containsAll(keys(step))) {
            throw new ScenarioException(k, "expected {action: REDIAL|NEXT_NUMBER|NEXT_DAY, delay: DURATION}");
        }
        String action = String.valueOf(step.get("action"));
        if (!ACTIONS.contains(action)) {
            throw new ScenarioException(k + ".action", "expected REDIAL, NEXT_NUMBER or NEXT_DAY, got " + action);
        }
        if ("NEXT_DAY".equals(action)) {
            return new ListModel.Step(action, DAY_NANOS);
        }
        Object delay = step.get("delay");
        long nanos = delay == null || "0".equals(String.valueOf(delay)) ? 0 : Durations.parseNanos(k + ".delay", delay);
        return new ListModel.Step(action, nanos);
    }

    private static Set<String> keys(Map<?, ?> m) {
        Set<String> out = new java.util.HashSet<>();
        m.keySet().forEach(k -> out.add(String.valueOf(k)));
        return out;
    }
}
