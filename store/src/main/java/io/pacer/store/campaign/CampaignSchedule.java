package io.pacer.store.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a campaign may dial something new: always (enabled), never (disabled, done) or within its campaign
 * hours (automatic), and when a contact may be called: within the campaign's calling window in the contact's
 * own time zone. Pure time arithmetic; the hopper turns the answers into deadlines the core compares with one
 * {@code long}.
 */
public final class CampaignSchedule {

    private static final long NEVER = Long.MIN_VALUE;
    private static final long FOREVER = Long.MAX_VALUE;

    private CampaignSchedule() {
    }

    /**
     * Until when (epoch ms, exclusive) the campaign may dial new contacts, looking from {@code nowMillis}:
     * {@code Long.MAX_VALUE} when always, a value not after {@code nowMillis} when it is closed now.
     */
    public static long openUntilMillis(Campaign campaign, long nowMillis) {
        if (campaign.done() || campaign.status() == CampaignStatus.DISABLED) {
            return NEVER;
        }
        if (campaign.status() == CampaignStatus.ENABLED) {
            return FOREVER;
        }
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(campaign.zone());
        int minute = now.getHour() * 60 + now.getMinute();
        int weekday = now.getDayOfWeek().getValue();
        long until = NEVER;
        for (HoursPeriod p : campaign.hours()) {
            if (p.weekday() == weekday && p.startMinute() <= minute && minute < p.endMinute()) {
                long end = atMinute(now.toLocalDate(), p.endMinute(), campaign.zone());
                until = Math.max(until, end);
            }
        }
        return until;
    }

    /**
     * Whether a contact in {@code contactZone} may be called at {@code nowMillis}, and if so until when:
     * returns the end of the window (epoch ms, exclusive), or the negated start of the next window when it is
     * outside (so {@code result > nowMillis} means callable now).
     */
    public static long contactWindow(Campaign campaign, String contactZone, long nowMillis) {
        ZoneId zone = zoneOr(contactZone, campaign.zone());
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
        int minute = now.getHour() * 60 + now.getMinute();
        LocalDate today = now.toLocalDate();
        if (minute >= campaign.windowStartMinute() && minute < campaign.windowEndMinute()) {
            return atMinute(today, campaign.windowEndMinute(), zone);
        }
        LocalDate day = minute < campaign.windowStartMinute() ? today : today.plusDays(1);
        return -atMinute(day, campaign.windowStartMinute(), zone);
    }

    private static long atMinute(LocalDate day, int minuteOfDay, ZoneId zone) {
        return day.atStartOfDay(zone).plusMinutes(minuteOfDay).toInstant().toEpochMilli();
    }

    private static ZoneId zoneOr(String zone, ZoneId fallback) {
        try {
            return zone == null || zone.isEmpty() ? fallback : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }
}
