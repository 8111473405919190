package io.pacer.store.campaign;

import io.pacer.engine.campaign.Regime;
import io.pacer.store.compliance.NumberZones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a campaign may dial something new: always (enabled), never (disabled, done) or within its campaign
 * hours (automatic), and when a contact may be called: within the campaign's calling window in the contact's
 * own time zone (or every zone its number may be in), within the hours of the campaign's regime for the
 * weekday. Pure time arithmetic; the hopper turns the answers into deadlines the core compares with one
 * {@code long}.
 */
public final class CampaignSchedule {

    private static final long NEVER = Long.MIN_VALUE;
    private static final long FOREVER = Long.MAX_VALUE;
    /** A contact that may not be called in any foreseeable window is looked at again after this. */
    private static final long UNKNOWN_ZONE_RECHECK_MILLIS = 24 * 3_600_000L;

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
     * outside (so {@code result > nowMillis} means callable now). The window of a day is the campaign's calling
     * window narrowed to its regime's hours for that weekday; on a holiday of the campaign it is empty.
     */
    public static long contactWindow(Campaign campaign, String contactZone, long nowMillis) {
        return windowIn(campaign, zoneOr(contactZone, campaign.zone()), nowMillis);
    }

    /**
     * The window of a stored contact, safe across every zone its number may be in: a zone the list gave wins;
     * a number whose zone the importer took as the first of several (+1 800, +7 9xx, +61 4) is callable only
     * while every one of its zones allows it; a number of unknown zone (stored under the campaign's zone) is not
     * called unless the campaign allows it ({@link Compliance#dialUnknownZones()}). Same encoding as
     * {@link #contactWindow(Campaign, String, long)}.
     */
    public static long contactWindow(Campaign campaign, String contactZone, String e164, long nowMillis) {
        List<String> zones = NumberZones.of(e164);
        if (zoneUnknown(campaign, contactZone, zones)) {
            return -(nowMillis + UNKNOWN_ZONE_RECHECK_MILLIS);
        }
        if (zones.size() < 2 || contactZone == null || !contactZone.equals(zones.get(0))) {
            return contactWindow(campaign, contactZone, nowMillis);
        }
        long end = Long.MAX_VALUE;
        long nextStart = Long.MIN_VALUE;
        for (String zone : zones) {
            long w = windowIn(campaign, zoneOr(zone, campaign.zone()), nowMillis);
            if (w > nowMillis) {
                end = Math.min(end, w);
            } else {
                nextStart = Math.max(nextStart, -w);
            }
        }
        // Outside in some zone: look again when the last of those opens (the others may have closed by then).
        return nextStart != Long.MIN_VALUE ? -nextStart : end;
    }

    /** The window in one zone, looking up to a week ahead for the next day whose window is not empty. */
    /**
     * True when the contact's zone cannot be told and the campaign does not dial unknown zones: the window above
     * is then shut for that reason rather than for the hours (the audit says which).
     */
    public static boolean zoneUnknown(Campaign campaign, String contactZone, String e164) {
        return zoneUnknown(campaign, contactZone, NumberZones.of(e164));
    }

    private static boolean zoneUnknown(Campaign campaign, String contactZone, List<String> zones) {
        return !campaign.compliance().dialUnknownZones() && zones.isEmpty()
                && (contactZone == null || contactZone.isEmpty() || contactZone.equals(campaign.timeZone()));
    }

    private static long windowIn(Campaign campaign, ZoneId zone, long nowMillis) {
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
        int minute = now.getHour() * 60 + now.getMinute();
        LocalDate today = now.toLocalDate();
        Regime regime = campaign.compliance().regime();
        for (int ahead = 0; ahead <= 7; ahead++) {
            LocalDate day = today.plusDays(ahead);
            int weekday = day.getDayOfWeek().getValue();
            int start = Math.max(campaign.windowStartMinute(), regime.startMinute(weekday));
            int end = Math.min(campaign.windowEndMinute(), regime.endMinute(weekday));
            if (start >= end || (ahead == 0 && minute >= end) || campaign.compliance().isHoliday(day)) {
                continue;
            }
            if (ahead == 0 && minute >= start) {
                return atMinute(day, end, zone);
            }
            return -atMinute(day, start, zone);
        }
        return -(nowMillis + UNKNOWN_ZONE_RECHECK_MILLIS);
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
