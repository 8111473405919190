package io.pacer.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pacer.api.service.TrunkView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The trunks' state as supervisors read it in {@code /stats} and {@code GET /api/v1/trunks}: up or down (OPTIONS
 * probes), backing off after a 503 with Retry-After, channels free. Read from the {@code pacer.trunk.*} gauges the
 * SIP adapter registers, so the JSON and {@code /metrics} can never disagree and the API needs no port into the
 * adapter. HTTP-side, as Micrometer is: services see only {@link TrunkView}s. Empty when the server runs without SIP.
 */
final class TrunkMeters implements Supplier<List<TrunkView>> {

    private final MeterRegistry registry;

    /** Views over the gauges of {@code registry}. */
    TrunkMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every trunk, in the order the adapter registered them. */
    @Override
    public List<TrunkView> get() {
        List<TrunkView> out = new ArrayList<>();
        for (Gauge up : registry.find("pacer.trunk.up").gauges()) {
            String name = up.getId().getTag("trunk");
            out.add(new TrunkView(name, up.value() > 0, read("pacer.trunk.backoff", name) > 0,
                    (int) read("pacer.trunk.channels.free", name)));
        }
        return out;
    }

    private double read(String gauge, String trunk) {
        Gauge g = registry.find(gauge).tag("trunk", trunk).gauge();
        return g == null ? 0 : g.value();
    }
}
