package io.pacer.store.contact;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignSchedule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A contact's attempt chain, on the hopper's side: from the number the chain points at, the first one that is
 * not on the do-not-call list and is inside its calling window now. A blocked number is skipped, not the
 * contact; a number outside its window is passed over for the next one that is inside (Genesys Outbound Contact
 * dials a chain's records by their own time zones). Pure: the caller holds the transaction.
 */
public final class AttemptChain {

    private AttemptChain() {
    }

    /**
     * Picks the number to dial.
     *
     * @param numbers     the contact's numbers in chain order (at least one)
     * @param position    where the chain points (the number tried next)
     * @param contactZone the contact's zone, for numbers without their own
     */
    public static NumberPick pick(Campaign campaign, DoNotCallList doNotCall, List<ContactNumber> numbers, int position,
            String contactZone, long nowMillis) {
        int n = numbers.size();
        long nextOpen = Long.MAX_VALUE;
        boolean anyAllowed = false;
        for (int i = 0; i < n; i++) {
            ContactNumber number = numbers.get(Math.floorMod(position + i, n));
            if (doNotCall.blocks(campaign.id(), number.number())) {
                continue;
            }
            anyAllowed = true;
            long window = window(campaign, number, contactZone, nowMillis);
            if (window > nowMillis) {
                return new NumberPick(number.number(), window);
            }
            nextOpen = Math.min(nextOpen, -window);
        }
        return new NumberPick(null, anyAllowed ? nextOpen : Long.MIN_VALUE);
    }

    /**
     * The number's window in {@link CampaignSchedule#contactWindow} encoding: the campaign's window in the
     * number's zone, narrowed by the number's own window when it has one. When either is closed, the hopper looks
     * again at the later of the two openings.
     */
    static long window(Campaign campaign, ContactNumber number, String contactZone, long nowMillis) {
        String zone = number.timeZone() != null ? number.timeZone() : contactZone;
        long campaignWindow = CampaignSchedule.contactWindow(campaign, zone, number.number(), nowMillis);
        if (!number.hasOwnWindow()) {
            return campaignWindow;
        }
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zoneOr(zone, campaign.zone()));
        int minute = now.getHour() * 60 + now.getMinute();
        if (minute >= number.windowStartMinute() && minute < number.windowEndMinute()) {
            long ownEnd = now.toLocalDate().atStartOfDay(now.getZone()).plusMinutes(number.windowEndMinute())
                    .toInstant().toEpochMilli();
            return campaignWindow > nowMillis ? Math.min(campaignWindow, ownEnd) : campaignWindow;
        }
        ZonedDateTime day = minute < number.windowStartMinute() ? now : now.plusDays(1);
        long ownStart = day.toLocalDate().atStartOfDay(now.getZone()).plusMinutes(number.windowStartMinute())
                .toInstant().toEpochMilli();
        return campaignWindow > nowMillis ? -ownStart : -Math.max(ownStart, -campaignWindow);
    }

    private static ZoneId zoneOr(String zone, ZoneId fallback) {
        try {
            return zone == null || zone.isEmpty() ? fallback : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }
}
