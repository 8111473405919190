package io.pacer.engine.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignCounters;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the core's counters as Micrometer meters. The gauges read the counters the core writes (release
 * ordered, no locks); the core never pushes to Micrometer, so metrics cost the hot path nothing.
 *
 * <p>Per campaign (tag {@code campaign}): {@code pacer.calls{outcome}} (calls ended by outcome),
 * {@code pacer.dials}, {@code pacer.answers}, {@code pacer.connects}, {@code pacer.abandons},
 * {@code pacer.abandon.rate}, {@code pacer.agents{state}}, {@code pacer.calls.in.flight},
 * {@code pacer.ratio.calls.per.ready.agent}, {@code pacer.ratio.calls.per.wrap.agent}. Engine-wide:
 * {@code pacer.core.answer.to.bridge{quantile}} in seconds from the HdrHistogram recorder: the core's share of
 * answer-to-bridge only (answer event published to bridge command); the wire-to-wire figure is the SIP
 * adapter's {@code pacer.answer.to.bridge}.
 */
public final class EngineMetrics {
    private EngineMetrics() {
    }

    /** Registers the gauges of one campaign's counters. */
    public static void bindCampaign(MeterRegistry registry, String campaign, CampaignCounters c) {
        Tags tags = Tags.of("campaign", campaign);
        for (CallOutcome o : CallOutcome.values()) {
            int index = CampaignCounters.OUTCOME_BASE + o.ordinal();
            Gauge.builder("pacer.calls", c, x -> x.get(index))
                    .description("calls ended, by outcome").tags(tags).tag("outcome", o.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        counter(registry, "pacer.dials", "calls placed", tags, c, CampaignCounters.DIALS);
        counter(registry, "pacer.answers", "calls answered by a person", tags, c, CampaignCounters.ANSWERS);
        counter(registry, "pacer.connects", "answered calls bridged to an agent", tags, c, CampaignCounters.CONNECTS);
        counter(registry, "pacer.abandons", "answered calls no agent took in time", tags, c, CampaignCounters.ABANDONS);
        Gauge.builder("pacer.abandon.rate", c, x -> {
            long answers = x.get(CampaignCounters.ANSWERS);
            return answers == 0 ? 0.0 : (double) x.get(CampaignCounters.ABANDONS) / answers;
        }).description("abandoned over answered since start").tags(tags).register(registry);
        counter(registry, "pacer.abandon.window.answers", "live answers in the regulator's window", tags, c,
                CampaignCounters.WINDOW_ANSWERS);
        counter(registry, "pacer.abandon.window.abandons", "abandoned answers in the regulator's window", tags, c,
                CampaignCounters.WINDOW_ABANDONS);
        Gauge.builder("pacer.abandon.window.rate", c, x -> {
            long answers = x.get(CampaignCounters.WINDOW_ANSWERS);
            return answers == 0 ? 0.0 : (double) x.get(CampaignCounters.WINDOW_ABANDONS) / answers;
        }).description("abandoned over answered in the regulator's window").tags(tags).register(registry);
        Gauge.builder("pacer.abandon.window.left", c, x -> x.getDouble(CampaignCounters.WINDOW_LEFT_BITS))
                .description("abandons the cap still allows in the regulator's window").tags(tags).register(registry);
        Gauge.builder("pacer.abandon.rate.recent", c, x -> x.getDouble(CampaignCounters.RATE_5_MIN_BITS))
                .description("abandoned over answered, recent span").tags(tags).tag("span", "5m").register(registry);
        Gauge.builder("pacer.abandon.rate.recent", c, x -> x.getDouble(CampaignCounters.RATE_1_HOUR_BITS))
                .description("abandoned over answered, recent span").tags(tags).tag("span", "1h").register(registry);
        Gauge.builder("pacer.abandon.rate.recent", c, x -> x.getDouble(CampaignCounters.RATE_24_HOURS_BITS))
                .description("abandoned over answered, recent span").tags(tags).tag("span", "24h").register(registry);
        agents(registry, tags, c, "ready", CampaignCounters.READY);
        agents(registry, tags, c, "on_call", CampaignCounters.ON_CALL);
        agents(registry, tags, c, "wrap_up", CampaignCounters.WRAP_UP);
        agents(registry, tags, c, "logged_in", CampaignCounters.LOGGED_IN);
        counter(registry, "pacer.calls.in.flight", "calls dialed and not yet answered", tags, c, CampaignCounters.IN_FLIGHT);
        Gauge.builder("pacer.ratio.calls.per.ready.agent", c, x -> x.getDouble(CampaignCounters.RATIO_READY_BITS))
                .description("calls per ready agent of the last pacing decision").tags(tags).register(registry);
        Gauge.builder("pacer.ratio.calls.per.wrap.agent", c, x -> x.getDouble(CampaignCounters.RATIO_WRAP_BITS))
                .description("calls per agent in wrap-up of the last pacing decision").tags(tags).register(registry);
    }

    /** Registers the quantiles (p50, p99, p99.9, max) of the core's share of answer-to-bridge, in seconds. */
    public static void bindCoreAnswerToBridge(MeterRegistry registry, LatencyRecorder coreAnswerToBridge) {
        for (double q : new double[] {50, 99, 99.9, 100}) {
            Gauge.builder("pacer.core.answer.to.bridge", coreAnswerToBridge,
                            r -> r.percentileNanos(q) / (double) TimeUnit.SECONDS.toNanos(1))
                    .description("the core's share of answer-to-bridge: from the answer event's publication to"
                            + " the bridge command").baseUnit("seconds")
                    .tag("quantile", q == 100 ? "max" : Double.toString(q / 100)).register(registry);
        }
    }

    private static void counter(MeterRegistry r, String name, String description, Tags tags, CampaignCounters c, int index) {
        Gauge.builder(name, c, x -> x.get(index)).description(description).tags(tags).register(r);
    }

    private static void agents(MeterRegistry r, Tags tags, CampaignCounters c, String state, int index) {
        Gauge.builder("pacer.agents", c, x -> x.get(index)).description("agents by state").tags(tags)
                .tag("state", state).register(r);
    }
}
