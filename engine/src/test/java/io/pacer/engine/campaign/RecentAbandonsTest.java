package io.pacer.engine.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecentAbandonsTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void eachSpanForgetsWhatIsOlderThanItself() {
        RecentAbandons r = new RecentAbandons();
        long start = 1_000 * MINUTE;
        for (int i = 0; i < 10; i++) {
            r.record(start, true);
        }
        for (int i = 0; i < 90; i++) {
            r.record(start + 30 * MINUTE, false);
        }
        long now = start + 33 * MINUTE;
        assertEquals(0.0, r.rate(now, RecentAbandons.FIVE_MINUTES), "the abandons were 33 minutes ago");
        assertEquals(0.1, r.rate(now, RecentAbandons.ONE_HOUR), 1e-12);
        assertEquals(0.0, r.rate(start + 40 * MINUTE, RecentAbandons.FIVE_MINUTES));
        assertEquals(0.0, r.rate(start + 61 * MINUTE, RecentAbandons.ONE_HOUR), "after an hour only the good answers remain");
        assertEquals(90, r.answers(RecentAbandons.ONE_HOUR));
        assertEquals(100, r.answers(RecentAbandons.ONE_DAY));
        assertEquals(0.0, r.rate(start + 1441 * MINUTE, RecentAbandons.ONE_DAY), "a day later the abandons left");
        assertEquals(90, r.answers(RecentAbandons.ONE_DAY), "the good answers of minute 30 are still inside 24 h");
        r.rate(start + 1471 * MINUTE, RecentAbandons.ONE_DAY);
        assertEquals(0, r.answers(RecentAbandons.ONE_DAY));
    }
}
