package io.pacer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.campaign.Regime;
import io.pacer.pacing.DialMode;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignSchedule;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.Compliance;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calling hours that hold wherever the called party may be: every zone of the number, each weekday's regime hours. */
class SafeHoursTest {

    private static Campaign campaign(Regime regime, String zone, int startMinute, int endMinute, boolean dialUnknown) {
        return new Campaign(1, "c", "", CampaignStatus.ENABLED, false, null, zone, DialMode.PROGRESSIVE, 1, 0, 0.03, 25_000,
                1_750, 10, List.of(), 10, startMinute, endMinute, Campaign.DEFAULT_SUBJECT, true, "US", List.of(), Map.of(),
                List.of(), List.of(), new Compliance(regime, null, regime.lockoutMinutes(), dialUnknown));
    }

    private static long at(String zone, int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ZoneId.of(zone)).toInstant().toEpochMilli();
    }

    @Test
    void aTollFreeNumberIsNotDialledWhileAnyOfItsZonesIsOutsideHours() {
        Campaign fcc = campaign(Regime.FCC, "America/New_York", 480, 1260, false);
        // 01:30 in New York is 20:30 in Adak, the zone the importer stored for +1 800: Adak alone would allow it.
        long nightInNewYork = at("America/New_York", 2026, 12, 1, 1, 30);
        assertTrue(CampaignSchedule.contactWindow(fcc, "America/Adak", nightInNewYork) > nightInNewYork,
                "by its stored zone alone the call would be placed");
        long w = CampaignSchedule.contactWindow(fcc, "America/Adak", "+18005550123", nightInNewYork);
        assertTrue(w < 0, "not callable: New York is asleep");
        // +1 800 spans Pago Pago (UTC-11) to Guam (UTC+10): only 22:00-00:30 UTC satisfies all of them.
        long allAwake = at("UTC", 2026, 12, 1, 23, 0);
        long end = CampaignSchedule.contactWindow(fcc, "America/Adak", "+18005550123", allAwake);
        assertEquals(at("America/St_Johns", 2026, 12, 1, 21, 0), end, "until St John's reaches 21:00");
        assertTrue(CampaignSchedule.contactWindow(fcc, "America/Adak", "+18005550123", at("UTC", 2026, 12, 1, 21, 0)) < 0,
                "21:00 UTC is 07:00 in Guam");
    }

    @Test
    void aRussianMobileIsCheckedInMoscowAndAsFarAsKamchatka() {
        Campaign custom = campaign(Regime.CUSTOM, "Europe/Moscow", 540, 1260, false);
        // 10:00 in Moscow is 19:00 in Kamchatka: inside 09:00-21:00 everywhere from Kaliningrad-side to Anadyr.
        long tenMoscow = at("Europe/Moscow", 2026, 12, 1, 10, 0);
        assertEquals(at("Asia/Kamchatka", 2026, 12, 1, 21, 0),
                CampaignSchedule.contactWindow(custom, "Asia/Almaty", "+79161234567", tenMoscow));
        long sevenMoscow = at("Europe/Moscow", 2026, 12, 1, 7, 0);
        assertTrue(CampaignSchedule.contactWindow(custom, "Asia/Almaty", "+79161234567", sevenMoscow) < 0);
    }

    @Test
    void aZoneFromTheListWinsOverTheNumbers() {
        Campaign fcc = campaign(Regime.FCC, "America/New_York", 480, 1260, false);
        long nightInNewYork = at("America/New_York", 2026, 12, 1, 1, 30);
        // The list said the customer is in Los Angeles (not the number's first zone): 22:30 there, outside 8-21.
        assertTrue(CampaignSchedule.contactWindow(fcc, "America/Los_Angeles", "+18005550123", nightInNewYork) < 0);
        long noonNewYork = at("America/New_York", 2026, 12, 1, 12, 0);
        assertEquals(at("America/Los_Angeles", 2026, 12, 1, 21, 0),
                CampaignSchedule.contactWindow(fcc, "America/Los_Angeles", "+18005550123", noonNewYork),
                "the list's zone alone decides: Guam's night does not matter");
    }

    @Test
    void aNumberOfUnknownZoneIsNotDialledUnlessTheCampaignSaysSo() {
        long noon = at("Europe/London", 2026, 12, 1, 12, 0);
        // +882 is an international network with no geography.
        Campaign strict = campaign(Regime.OFCOM, "Europe/London", 540, 1200, false);
        assertTrue(CampaignSchedule.contactWindow(strict, "Europe/London", "+882355512345", noon) < 0);
        Campaign lenient = campaign(Regime.OFCOM, "Europe/London", 540, 1200, true);
        assertEquals(at("Europe/London", 2026, 12, 1, 20, 0),
                CampaignSchedule.contactWindow(lenient, "Europe/London", "+882355512345", noon));
    }

    @Test
    void nobodyIsCalledOnAHolidayOfTheCampaignInTheirOwnZone() {
        Campaign base = campaign(Regime.CRTC, "America/Toronto", 540, 1290, false);
        Campaign christmas = new Campaign(1, "c", "", CampaignStatus.ENABLED, false, null, "America/Toronto",
                DialMode.PROGRESSIVE, 1, 0, 0.03, 25_000, 1_750, 10, List.of(), 10, 540, 1290, Campaign.DEFAULT_SUBJECT, true,
                "CA", List.of(), Map.of(), List.of(), List.of(),
                base.compliance().withHolidays(List.of("2026-12-25")));
        // Friday 25 December, 11:00 in Toronto: a weekday window, but a holiday; Saturday opens at 10:00.
        long morning = at("America/Toronto", 2026, 12, 25, 11, 0);
        assertEquals(-at("America/Toronto", 2026, 12, 26, 10, 0), CampaignSchedule.contactWindow(christmas, "America/Toronto", morning));
        assertEquals(at("America/Toronto", 2026, 12, 25, 21, 30), CampaignSchedule.contactWindow(base, "America/Toronto", morning));
        // 20:00 on the 24th in Vancouver (already the 25th in UTC): the holiday is judged in the called party's zone.
        long eve = at("America/Vancouver", 2026, 12, 24, 20, 0);
        assertEquals(at("America/Vancouver", 2026, 12, 24, 21, 30), CampaignSchedule.contactWindow(christmas, "America/Vancouver", eve));
    }

    @Test
    void crtcWeekendsCloseEarlierThanWeekdays() {
        Campaign crtc = campaign(Regime.CRTC, "America/Toronto", 540, 1290, false);
        // 2026-12-04 is a Friday, 12-05 a Saturday.
        long fridayEight = at("America/Toronto", 2026, 12, 4, 20, 0);
        assertEquals(at("America/Toronto", 2026, 12, 4, 21, 30), CampaignSchedule.contactWindow(crtc, "America/Toronto", fridayEight));
        long saturdayEight = at("America/Toronto", 2026, 12, 5, 20, 0);
        assertEquals(-at("America/Toronto", 2026, 12, 6, 10, 0), CampaignSchedule.contactWindow(crtc, "America/Toronto", saturdayEight),
                "18:00 closes Saturday; Sunday opens at 10:00");
        long saturdayNine = at("America/Toronto", 2026, 12, 5, 9, 30);
        assertEquals(-at("America/Toronto", 2026, 12, 5, 10, 0), CampaignSchedule.contactWindow(crtc, "America/Toronto", saturdayNine));
    }
}
