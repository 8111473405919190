package io.pacer.simulator.scenario;

import java.util.Map;

/**
 * The inbound keys of a scenario ({@code docs/scenarios.md}, "Inbound calls"): {@code inbound_per_hour},
 * {@code inbound_talk_time}, {@code inbound_max_wait}, {@code inbound_patience}, {@code inbound_reserved_agents}.
 * Each is optional; a rate above 0 needs a talk time. Errors name the key.
 */
final class InboundModelParser {

    private InboundModelParser() {
    }

    static InboundModel parse(Map<?, ?> map) {
        if (!map.containsKey("inbound_per_hour")) {
            for (String key : new String[] {"inbound_talk_time", "inbound_max_wait", "inbound_patience",
                    "inbound_reserved_agents"}) {
                if (map.containsKey(key)) {
                    throw new ScenarioException(key, "needs inbound_per_hour");
                }
            }
            return InboundModel.NONE;
        }
        double perHour = ScenarioParser.number("inbound_per_hour", map.get("inbound_per_hour"));
        if (perHour < 0 || perHour > 1_000_000) {
            throw new ScenarioException("inbound_per_hour", "expected calls per hour within 0..1000000, got " + perHour);
        }
        if (perHour > 0 && !map.containsKey("inbound_talk_time")) {
            throw new ScenarioException("inbound_talk_time", "missing (needed when inbound_per_hour is above 0)");
        }
        long maxWait = map.containsKey("inbound_max_wait")
                ? Durations.parseNanos("inbound_max_wait", map.get("inbound_max_wait")) : InboundModel.NONE.maxWaitNanos();
        if (maxWait < 5_000_000_000L || maxWait > 600_000_000_000L) {
            throw new ScenarioException("inbound_max_wait", "must be within 5s..10m (the campaign setting's range)");
        }
        int reserved = map.containsKey("inbound_reserved_agents")
                ? ScenarioParser.integer(map, "inbound_reserved_agents", 0, 1_000) : 0;
        return new InboundModel(perHour, map.containsKey("inbound_talk_time") ? ScenarioParser.distribution(map, "inbound_talk_time") : null,
                maxWait, map.containsKey("inbound_patience") ? ScenarioParser.distribution(map, "inbound_patience") : null,
                reserved);
    }
}
