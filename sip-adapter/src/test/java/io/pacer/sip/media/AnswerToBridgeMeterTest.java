package io.pacer.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class AnswerToBridgeMeterTest {

    private static double gauge(SimpleMeterRegistry registry, String quantile) {
        Gauge g = registry.find("pacer.answer.to.bridge").tag("quantile", quantile).gauge();
        return g.value();
    }

    @Test
    void exportsAnswerToBridgeQuantilesInSecondsReadFromTheHistogramWhenScraped() {
        AnswerToBridgeMeter meter = new AnswerToBridgeMeter();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        meter.bindTo(registry);
        assertEquals(0.0, gauge(registry, "0.5"));

        for (int i = 1; i <= 1000; i++) {
            meter.recordBridge(i * 1_000_000L);
        }

        assertEquals(0.500, gauge(registry, "0.5"), 0.001);
        assertEquals(0.990, gauge(registry, "0.99"), 0.001);
        assertEquals(0.999, gauge(registry, "0.999"), 0.001);
        assertEquals(1.000, gauge(registry, "max"), 0.001);
        assertEquals(1000, meter.totalAnswerToBridge().getTotalCount(), "a scrape must not lose recorded times");
    }
}
