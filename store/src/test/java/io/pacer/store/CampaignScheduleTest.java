package io.pacer.store;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignSchedule;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.HoursPeriod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.pacing.DialMode;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignScheduleTest {

    private static Campaign campaign(CampaignStatus status, List<HoursPeriod> hours) {
        return new Campaign(1, "c", "", status, false, null, "Europe/Berlin", DialMode.PROGRESSIVE, 1, 0, 0.03, 25_000, 2_000,
                10, List.of(), 10, 9 * 60, 20 * 60, Campaign.DEFAULT_SUBJECT, true, "DE", hours, Map.of(), List.of(), List.of());
    }

    private static long at(String zone, int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ZoneId.of(zone)).toInstant().toEpochMilli();
    }

    @Test
    void automaticCampaignIsOpenOnlyWithinOneOfItsPeriodsInItsOwnZone() {
        // 2026-11-23 is a Monday.
        Campaign c = campaign(CampaignStatus.AUTOMATIC, List.of(new HoursPeriod(1, 9 * 60, 12 * 60), new HoursPeriod(1, 13 * 60, 17 * 60)));
        long tenBerlin = at("Europe/Berlin", 2026, 11, 23, 10, 0);
        assertEquals(at("Europe/Berlin", 2026, 11, 23, 12, 0), CampaignSchedule.openUntilMillis(c, tenBerlin));
        assertTrue(CampaignSchedule.openUntilMillis(c, at("Europe/Berlin", 2026, 11, 23, 12, 30)) <= at("Europe/Berlin", 2026, 11, 23, 12, 30));
        assertEquals(at("Europe/Berlin", 2026, 11, 23, 17, 0), CampaignSchedule.openUntilMillis(c, at("Europe/Berlin", 2026, 11, 23, 13, 0)));
        assertTrue(CampaignSchedule.openUntilMillis(c, at("Europe/Berlin", 2026, 11, 24, 10, 0)) < 0, "closed on Tuesday");
        assertEquals(Long.MAX_VALUE, CampaignSchedule.openUntilMillis(campaign(CampaignStatus.ENABLED, List.of()), tenBerlin));
        assertTrue(CampaignSchedule.openUntilMillis(campaign(CampaignStatus.DISABLED, List.of()), tenBerlin) < 0);
    }

    @Test
    void contactWindowIsInTheContactsOwnTimeZone() {
        Campaign c = campaign(CampaignStatus.ENABLED, List.of());
        // 15:00 in Berlin is 09:00 in New York: inside the 09:00-20:00 window for both.
        long now = at("Europe/Berlin", 2026, 11, 23, 15, 0);
        assertEquals(at("America/New_York", 2026, 11, 23, 20, 0), CampaignSchedule.contactWindow(c, "America/New_York", now));
        // 08:00 in Berlin is 02:00 in New York: outside, next opening 09:00 New York time the same day.
        long early = at("Europe/Berlin", 2026, 11, 23, 8, 0);
        assertEquals(-at("America/New_York", 2026, 11, 23, 9, 0), CampaignSchedule.contactWindow(c, "America/New_York", early));
        // 21:00 in Berlin: after the window, next opening tomorrow at 09:00.
        long late = at("Europe/Berlin", 2026, 11, 23, 21, 0);
        assertEquals(-at("Europe/Berlin", 2026, 11, 24, 9, 0), CampaignSchedule.contactWindow(c, "Europe/Berlin", late));
    }
}
