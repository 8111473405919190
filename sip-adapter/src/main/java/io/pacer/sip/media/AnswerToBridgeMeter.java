package io.pacer.sip.media;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How long an answered customer waits for its agent inside Pacer, in nanoseconds, as two HdrHistogram
 * recorders that any thread may read:
 * <ul>
 *   <li>{@link #answerToBridgeNanos()}: from the trunk's 200 OK arriving at the adapter to the relay mapping
 *       being switched to the agent (the engine's decision plus two ring hops);</li>
 *   <li>{@link #answerToFirstMediaNanos()}: from the same 200 OK to the relay forwarding the first customer RTP
 *       packet to the agent. This includes waiting for the carrier's next packet (up to one 20 ms frame), so
 *       it measures the network as much as Pacer.</li>
 * </ul>
 * Recording is wait-free; the engine's metrics read interval histograms with {@link Recorder#getIntervalHistogram()}
 * or the running totals with {@link #totalAnswerToBridge()}. {@link #bindTo} exports the answer-to-bridge running
 * total on {@code /metrics}: the gauges read the histogram when scraped, so the wire path never pushes to
 * Micrometer.
 */
public final class AnswerToBridgeMeter {

    private static final long HIGHEST_NANOS = 60_000_000_000L;
    /** The exported quantiles as HdrHistogram percentiles (100 is the maximum), and their tags. */
    private static final double[] EXPORTED_PERCENTILES = {50, 99, 99.9, 100};
    private static final String[] QUANTILE_TAGS = {"0.5", "0.99", "0.999", "max"};

    private final Recorder answerToBridge = new Recorder(HIGHEST_NANOS, 3);
    private final Recorder answerToFirstMedia = new Recorder(HIGHEST_NANOS, 3);
    private final Recorder answerToMessage = new Recorder(HIGHEST_NANOS, 3);
    private final Histogram totalMessage = new Histogram(HIGHEST_NANOS, 3);
    private Histogram messageInterval;
    private final Histogram totalBridge = new Histogram(HIGHEST_NANOS, 3);
    private final Histogram totalMedia = new Histogram(HIGHEST_NANOS, 3);
    private Histogram bridgeInterval;
    private Histogram mediaInterval;

    /** Records one answer-to-bridge time. */
    public void recordBridge(long nanos) {
        answerToBridge.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NANOS)));
    }

    /** Records one answer-to-first-forwarded-packet time. */
    public void recordFirstMedia(long nanos) {
        answerToFirstMedia.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NANOS)));
    }

    /**
     * Records one abandoned call's message latency: from the trunk's 200 OK arriving to the first packet of the
     * identification message sent, which the regulators want within 2 s of the answer.
     */
    public void recordMessageStart(long nanos) {
        answerToMessage.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NANOS)));
    }

    /** Every abandoned call's answer-to-message time since start, in nanoseconds (drains its recorder). */
    public synchronized Histogram totalAnswerToMessage() {
        messageInterval = answerToMessage.getIntervalHistogram(messageInterval);
        totalMessage.add(messageInterval);
        return totalMessage.copy();
    }

    /** The recorder of answer-to-bridge times, in nanoseconds. */
    public Recorder answerToBridgeNanos() {
        return answerToBridge;
    }

    /** The recorder of answer-to-first-media times, in nanoseconds. */
    public Recorder answerToFirstMediaNanos() {
        return answerToFirstMedia;
    }

    /**
     * Every answer-to-bridge time since start, in nanoseconds. Drains the recorder into a running total, so
     * use either this or the recorder's interval histograms, not both.
     */
    public synchronized Histogram totalAnswerToBridge() {
        drainBridgeIntoTotal();
        return totalBridge.copy();
    }

    /** Every answer-to-first-media time since start, in nanoseconds (drains the recorder likewise). */
    public synchronized Histogram totalAnswerToFirstMedia() {
        mediaInterval = answerToFirstMedia.getIntervalHistogram(mediaInterval);
        totalMedia.add(mediaInterval);
        return totalMedia.copy();
    }

    /**
     * Registers {@code pacer.answer.to.bridge{quantile}} (p50, p99, p99.9, max) in seconds: the time from the
     * trunk's 200 OK arriving at the adapter to the relay being switched to the agent, as measured at the wire.
     * Scraping drains the recorder into the running total, like {@link #totalAnswerToBridge()}, so do not also read
     * {@link #answerToBridgeNanos()}'s interval histograms from a meter bound here.
     */
    public void bindTo(MeterRegistry registry) {
        for (int i = 0; i < EXPORTED_PERCENTILES.length; i++) {
            double percentile = EXPORTED_PERCENTILES[i];
            Gauge.builder("pacer.answer.to.bridge", this,
                            m -> m.answerToBridgePercentileNanos(percentile) / (double) TimeUnit.SECONDS.toNanos(1))
                    .description("time from the trunk's 200 OK arriving to the relay switched to the agent")
                    .baseUnit("seconds")
                    .tag("quantile", QUANTILE_TAGS[i])
                    .register(registry);
        }
    }

    /** The answer-to-bridge time at {@code percentile} (0 to 100) of every call since start, in nanoseconds. */
    synchronized long answerToBridgePercentileNanos(double percentile) {
        drainBridgeIntoTotal();
        return totalBridge.getValueAtPercentile(percentile);
    }

    private void drainBridgeIntoTotal() {
        bridgeInterval = answerToBridge.getIntervalHistogram(bridgeInterval);
        totalBridge.add(bridgeInterval);
    }
}
