package io.pacer.engine.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RegimeTest {

    @Test
    void eachRegimeCarriesItsRegulatorsFigures() {
        assertEquals(0.03, Regime.FCC.abandonCap());
        assertEquals(0.05, Regime.CRTC.abandonCap());
        assertEquals(72 * 60, Regime.OFCOM.lockoutMinutes());
        assertTrue(Regime.FCC.requiresMessage());
        assertFalse(Regime.CRTC.requiresMessage());
        assertEquals(1750, Regime.OFCOM.maxConnectLimitMillis());
        assertEquals(CampaignConfig.MAX_CONNECT_LIMIT_MILLIS, Regime.CUSTOM.maxConnectLimitMillis());
        assertEquals(540, Regime.CRTC.startMinute(5), "Friday 9:00");
        assertEquals(1290, Regime.CRTC.endMinute(5), "Friday 21:30");
        assertEquals(600, Regime.CRTC.startMinute(6), "Saturday 10:00");
        assertEquals(1080, Regime.CRTC.endMinute(7), "Sunday 18:00");
        assertEquals(540, Regime.CRTC.earliestStartMinute());
        assertEquals(1290, Regime.CRTC.latestEndMinute());
        assertEquals(Regime.OFCOM, Regime.named("ofcom"));
    }

    @Test
    void windowsEndNowAndReachBackAsTheRegulatorMeasures() {
        long now = Instant.parse("2026-03-17T10:00:00Z").toEpochMilli();
        ZoneId toronto = ZoneId.of("America/Toronto");
        assertEquals(now - 86_400_000L, Regime.Window.ROLLING_24_HOURS.startMillis(now, toronto));
        assertEquals(now - 30 * 86_400_000L, Regime.Window.ROLLING_30_DAYS.startMillis(now, toronto));
        assertEquals(Instant.parse("2026-03-01T05:00:00Z").toEpochMilli(),
                Regime.Window.CALENDAR_MONTH.startMillis(now, toronto), "midnight of the 1st in Toronto (EST)");
    }
}
