package io.pacer.api.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pacer.engine.campaign.CampaignStats;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shift charts' samples: one per period, bounded to the span, the answer rate per interval. */
class ShiftHistoryTest {

    private static CampaignStats live(int loggedIn, int paused, int onCall, int wrap, long dials, long answers,
            double windowRate) {
        return new CampaignStats(1, "c", "PREDICTIVE", true, loggedIn, loggedIn - paused - onCall - wrap, 0, onCall,
                wrap, paused, 0, 0, 1.5, 0.5, dials, answers, answers, 0, 0.0, 0, 0, 0, false, 0,
                new CampaignStats.Abandonment(86_400_000L, 0.03, answers, 0, windowRate, 1.0, 0, 0, 0));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> column(Map<String, Object> columns, String name) {
        return (List<Object>) columns.get(name);
    }

    @Test
    void oneSampleAPeriodWithTheAnswerRateOfItsInterval() {
        ShiftHistory history = new ShiftHistory();
        long t = 1_000_000;
        history.record(t, 7, live(10, 2, 4, 2, 100, 30, 0.01));
        history.record(t + 5_000, 7, live(10, 2, 4, 2, 150, 40, 0.01));   // younger than a period: not sampled
        history.record(t + ShiftHistory.SAMPLE_MILLIS, 7, live(10, 0, 8, 1, 300, 90, 0.02));
        history.record(t + 2 * ShiftHistory.SAMPLE_MILLIS, 7, live(0, 0, 0, 0, 300, 90, 0.02));
        Map<String, Object> c = history.columns(7);
        assertEquals(List.of(t, t + 15_000, t + 30_000), c.get("atMillis"));
        // The first sample has no interval before it; then 60 answers over 200 dials; then no dials at all.
        assertEquals(java.util.Arrays.asList(null, 0.3, null), column(c, "answerRate"));
        assertEquals(0.75, (Double) column(c, "occupancy").get(0), 1e-9);   // (4 + 2) / (10 - 2)
        assertEquals(0.9, (Double) column(c, "occupancy").get(1), 1e-9);   // (8 + 1) / 10
        assertNull(column(c, "occupancy").get(2), "nobody logged in: no occupancy");
        assertEquals(List.of(0.01, 0.02, 0.02), column(c, "windowRate"));
        assertEquals(List.of(0.03, 0.03, 0.03), column(c, "cap"));
        assertEquals(List.of(4.0, 8.0, 0.0), column(c, "agentsOnCall"));
    }

    @Test
    void aRestartOfTheEnginesCountersIsNoNegativeRate() {
        ShiftHistory history = new ShiftHistory();
        history.record(0, 1, live(5, 0, 1, 0, 1_000, 300, 0));
        history.record(15_000, 1, live(5, 0, 1, 0, 10, 3, 0));
        assertEquals(java.util.Arrays.asList(null, null), column(history.columns(1), "answerRate"));
    }

    @Test
    void theRingKeepsTheLastTwelveHoursOldestFirstAndForgetsClosedCampaigns() {
        ShiftHistory history = new ShiftHistory();
        int capacity = (int) (ShiftHistory.SPAN_MILLIS / ShiftHistory.SAMPLE_MILLIS);
        for (int i = 0; i < capacity + 100; i++) {
            history.record(i * ShiftHistory.SAMPLE_MILLIS, 3, live(1, 0, 0, 0, i, 0, 0));
        }
        history.record(0, 4, live(1, 0, 0, 0, 0, 0, 0));
        List<?> at = (List<?>) history.columns(3).get("atMillis");
        assertEquals(capacity, at.size());
        assertEquals(100 * ShiftHistory.SAMPLE_MILLIS, at.get(0));
        assertEquals((capacity + 99) * ShiftHistory.SAMPLE_MILLIS, at.get(capacity - 1));
        history.retain(Set.of(4L));
        assertEquals(List.of(), history.columns(3).get("atMillis"));
        assertEquals(1, ((List<?>) history.columns(4).get("atMillis")).size());
    }

    @Test
    void aCampaignTheCoreDoesNotRunIsNotSampled() {
        ShiftHistory history = new ShiftHistory();
        history.record(0, 9, null);
        assertEquals(List.of(), history.columns(9).get("atMillis"));
        assertEquals(List.of(), history.columns(9).get("windowRate"));
    }
}
