package io.pacer.api.service;

import io.pacer.engine.campaign.CampaignStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor's shift charts: one sample per campaign every {@link #SAMPLE_MILLIS}, kept for the last
 * {@link #SPAN_MILLIS} in fixed columns (a ring per campaign, so a long-running server holds a bounded amount:
 * about 250 KB a campaign). Samples are taken from the console's shared snapshots, whoever watches, so the charts
 * a supervisor opens mid-shift start at the shift's beginning. Figures per sample: the abandonment over the
 * regulator's window and its cap, occupancy, both ratios, the answer rate over the sample's interval, and agents
 * by state. Columns, not rows, because that is what a chart library plots (one array per series).
 */
public final class ShiftHistory {

    /** How often a campaign is sampled. */
    public static final long SAMPLE_MILLIS = 15_000;
    /** How far back the charts go: a long shift. */
    public static final long SPAN_MILLIS = 12 * 3_600_000L;
    /** The series of a sample, in the order of the route's columns. */
    public static final List<String> SERIES = List.of("windowRate", "cap", "occupancy", "callsPerReadyAgent",
            "callsPerWrapAgent", "answerRate", "agentsReady", "agentsOnCall", "agentsWrapUp", "agentsPaused");

    private static final int CAPACITY = (int) (SPAN_MILLIS / SAMPLE_MILLIS);

    /** One campaign's ring of samples; NaN marks "no value" (no answers yet, nobody logged in). */
    private static final class Series {
        final long[] at = new long[CAPACITY];
        final double[][] values = new double[SERIES.size()][CAPACITY];
        int next;
        int size;
        long lastAtMillis = Long.MIN_VALUE;
        long lastDials;
        long lastAnswers;
    }

    private final Map<Long, Series> campaigns = new HashMap<>();

    /**
     * Records a campaign's figures at {@code atMillis} unless its last sample is younger than the period. A
     * campaign the core does not run ({@code live} null) is not sampled: there is nothing live to plot.
     */
    public synchronized void record(long atMillis, long campaignId, CampaignStats live) {
        if (live == null) {
            return;
        }
        Series s = campaigns.computeIfAbsent(campaignId, id -> new Series());
        boolean first = s.lastAtMillis == Long.MIN_VALUE;
        if (!first && atMillis - s.lastAtMillis < SAMPLE_MILLIS) {
            return;
        }
        long dials = live.dials() - s.lastDials;
        long answers = live.answers() - s.lastAnswers;
        int working = live.agentsLoggedIn() - live.agentsPaused();
        CampaignStats.Abandonment a = live.abandonment();
        double[] sample = {
            a == null ? Double.NaN : a.windowRate(),
            a == null ? Double.NaN : a.cap(),
            working <= 0 ? Double.NaN : (double) (live.agentsOnCall() + live.agentsWrapUp()) / working,
            live.callsPerReadyAgent(),
            live.callsPerWrapAgent(),
            // Counters restart with the engine: a drop means a restart, and the interval's rate is unknown.
            first || dials <= 0 || answers < 0 ? Double.NaN : (double) answers / dials,
            live.agentsReady(), live.agentsOnCall(), live.agentsWrapUp(), live.agentsPaused()};
        s.at[s.next] = atMillis;
        for (int i = 0; i < sample.length; i++) {
            s.values[i][s.next] = sample[i];
        }
        s.next = (s.next + 1) % CAPACITY;
        s.size = Math.min(s.size + 1, CAPACITY);
        s.lastAtMillis = atMillis;
        s.lastDials = live.dials();
        s.lastAnswers = live.answers();
    }

    /**
     * A campaign's samples, oldest first, as columns: {@code atMillis} and one array per name in {@link #SERIES}
     * ({@code null} where a sample has no value); empty columns for a campaign never sampled.
     */
    public synchronized Map<String, Object> columns(long campaignId) {
        Series s = campaigns.get(campaignId);
        int size = s == null ? 0 : s.size;
        int first = s == null ? 0 : Math.floorMod(s.next - size, CAPACITY);
        List<Long> at = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            at.add(s.at[(first + i) % CAPACITY]);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", campaignId);
        out.put("sampleMillis", SAMPLE_MILLIS);
        out.put("atMillis", at);
        for (int k = 0; k < SERIES.size(); k++) {
            List<Double> column = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                double v = s.values[k][(first + i) % CAPACITY];
                column.add(Double.isNaN(v) ? null : v);
            }
            out.put(SERIES.get(k), column);
        }
        return out;
    }

    /** Forgets the campaigns not in {@code open} (deleted or done), so the map holds only what the floor shows. */
    public synchronized void retain(java.util.Set<Long> open) {
        campaigns.keySet().retainAll(open);
    }
}
