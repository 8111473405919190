package io.pacer.store;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.SubjectTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pacer.pacing.DialMode;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubjectTemplateTest {

    private static Campaign campaign(boolean clock24) {
        return new Campaign(1, "c", "", CampaignStatus.ENABLED, false, null, "America/New_York", DialMode.POWER, 1.7, 0.1, 0.03,
                25_000, 2_000, 10, List.of(), 10, 0, 1440, "{calltype} on {date} at {time}: {callresult} / {callresultgroup}",
                clock24, "US", List.of(), Map.of(), List.of(), List.of());
    }

    @Test
    void rendersEveryPlaceholderInTheCampaignsZoneWith12Or24HourTime() {
        long start = ZonedDateTime.of(2026, 11, 23, 14, 5, 0, 0, ZoneId.of("America/New_York")).toInstant().toEpochMilli();
        assertEquals("Outbound call on 2026-11-23 at 14:05: DONE / Positive",
                SubjectTemplate.render(campaign(true), "Outbound call", start, "DONE", "Positive"));
        assertEquals("Outbound call on 2026-11-23 at 2:05 PM: BUSY / ",
                SubjectTemplate.render(campaign(false), "Outbound call", start, "BUSY", null));
    }
}
