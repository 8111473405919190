package io.pacer.sip.media;

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
 * or the running totals with {@link #totalAnswerToBridge()}.
 */
public final class AnswerToBridgeMeter {

    private static final long HIGHEST_NANOS = 60_000_000_000L;

    private final Recorder answerToBridge = new Recorder(HIGHEST_NANOS, 3);
    private final Recorder answerToFirstMedia = new Recorder(HIGHEST_NANOS, 3);
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
        bridgeInterval = answerToBridge.getIntervalHistogram(bridgeInterval);
        totalBridge.add(bridgeInterval);
        return totalBridge.copy();
    }

    /** Every answer-to-first-media time since start, in nanoseconds (drains the recorder likewise). */
    public synchronized Histogram totalAnswerToFirstMedia() {
        mediaInterval = answerToFirstMedia.getIntervalHistogram(mediaInterval);
        totalMedia.add(mediaInterval);
        return totalMedia.copy();
    }
}
