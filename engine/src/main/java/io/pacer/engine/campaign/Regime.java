package io.pacer.engine.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The regulator a campaign answers to, and the figures its rules fix: the abandonment cap and the window it is
 * measured over, the deadline by which an abandoned customer must hear the message, the shortest ring, the
 * calling hours per weekday at the called party's location, and the redial lockout after an abandoned call.
 * A campaign's settings are checked against these floors when stored; sources and exact wording are in
 * {@code docs/compliance.md}.
 *
 * <p>{@link #CUSTOM} has no regulator: every figure is the campaign's own, within the core's ranges. It is
 * what campaigns stored before regimes existed get.
 */
public enum Regime {
    /** US FCC 47 CFR 64.1200 and FTC TSR: 3% of live answers over 30 days, message within 2 s, 8:00-21:00. */
    FCC(0.03, Window.ROLLING_30_DAYS, 2_000, 15_000, 0, true, hours(480, 1260, 480, 1260)),
    /** UK Ofcom persistent misuse: 3% of live calls over 24 h, message within 2 s, 72 h lockout, no hours. */
    OFCOM(0.03, Window.ROLLING_24_HOURS, 2_000, 15_000, 72 * 60, true, hours(0, 1440, 0, 1440)),
    /** Canada CRTC UTR: 5% per calendar month, 9:00-21:30 weekdays and 10:00-18:00 weekends. */
    CRTC(0.05, Window.CALENDAR_MONTH, 2_000, 15_000, 0, false, hours(540, 1290, 600, 1080)),
    /** No regulator: the campaign's own figures within the core's ranges. */
    CUSTOM(CampaignConfig.MAX_ABANDON_TARGET, Window.ROLLING_30_DAYS, 0, CampaignConfig.MIN_RING_TIMEOUT_MILLIS, 0,
            false, hours(0, 1440, 0, 1440));

    /**
     * The margin kept between the connect limit and the message deadline: the message's first packet leaves a
     * few milliseconds after the limit (2.006 s was measured at a 2 s limit), and jitter must not cross the line.
     */
    public static final long MESSAGE_MARGIN_MILLIS = 250;

    private final double abandonCap;
    private final Window window;
    private final long messageDeadlineMillis;
    private final long minRingMillis;
    private final long lockoutMinutes;
    private final boolean requiresMessage;
    private final int[] startEndMinutes;

    Regime(double abandonCap, Window window, long messageDeadlineMillis, long minRingMillis, long lockoutMinutes,
           boolean requiresMessage, int[] startEndMinutes) {
        this.abandonCap = abandonCap;
        this.window = window;
        this.messageDeadlineMillis = messageDeadlineMillis;
        this.minRingMillis = minRingMillis;
        this.lockoutMinutes = lockoutMinutes;
        this.requiresMessage = requiresMessage;
        this.startEndMinutes = startEndMinutes;
    }

    /** The highest abandoned / answered the regulator allows over {@link #window()}. */
    public double abandonCap() {
        return abandonCap;
    }

    /** The window abandonment is measured over. */
    public Window window() {
        return window;
    }

    /** How long after the answer the message must start; 0 when the regime sets no deadline. */
    public long messageDeadlineMillis() {
        return messageDeadlineMillis;
    }

    /**
     * The longest connect limit the regime allows: its message deadline less {@link #MESSAGE_MARGIN_MILLIS},
     * or the core's maximum when it sets no deadline.
     */
    public long maxConnectLimitMillis() {
        return messageDeadlineMillis == 0 ? CampaignConfig.MAX_CONNECT_LIMIT_MILLIS
                : messageDeadlineMillis - MESSAGE_MARGIN_MILLIS;
    }

    /** The shortest ring before an unanswered call may be dropped. */
    public long minRingMillis() {
        return minRingMillis;
    }

    /** The shortest redial lockout after an abandoned call (minutes; 0 when the regime sets none). */
    public long lockoutMinutes() {
        return lockoutMinutes;
    }

    /** True when every abandoned customer must hear a recorded message. */
    public boolean requiresMessage() {
        return requiresMessage;
    }

    /** First minute of the day the regime allows calls on an ISO weekday (1 Monday .. 7 Sunday). */
    public int startMinute(int weekday) {
        return startEndMinutes[2 * (weekday - 1)];
    }

    /** Minute of the day, exclusive, after which the regime forbids calls on an ISO weekday. */
    public int endMinute(int weekday) {
        return startEndMinutes[2 * (weekday - 1) + 1];
    }

    /** The earliest start over the week: a campaign window may not open before it. */
    public int earliestStartMinute() {
        int min = 1440;
        for (int d = 1; d <= 7; d++) {
            min = Math.min(min, startMinute(d));
        }
        return min;
    }

    /** The latest end over the week: a campaign window may not close after it. */
    public int latestEndMinute() {
        int max = 0;
        for (int d = 1; d <= 7; d++) {
            max = Math.max(max, endMinute(d));
        }
        return max;
    }

    /** The regime named in lower or upper case ({@code fcc}, {@code OFCOM}). */
    public static Regime named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** Start and end minute for each ISO weekday: Monday to Friday one window, Saturday and Sunday another. */
    private static int[] hours(int weekdayStart, int weekdayEnd, int weekendStart, int weekendEnd) {
        int[] a = new int[14];
        for (int d = 0; d < 7; d++) {
            boolean weekend = d >= 5;
            a[2 * d] = weekend ? weekendStart : weekdayStart;
            a[2 * d + 1] = weekend ? weekendEnd : weekdayEnd;
        }
        return a;
    }

    /** The span abandonment is measured over, ending now. */
    public enum Window {
        /** The last 24 hours. */
        ROLLING_24_HOURS,
        /** The last 30 days (a campaign shorter than that is measured over its whole life). */
        ROLLING_30_DAYS,
        /** Since the first of the month at midnight, in the campaign's time zone. */
        CALENDAR_MONTH;

        /** When the window that ends at {@code nowMillis} began (epoch ms). */
        public long startMillis(long nowMillis, ZoneId zone) {
            return switch (this) {
                case ROLLING_24_HOURS -> nowMillis - 24L * 3_600_000L;
                case ROLLING_30_DAYS -> nowMillis - 30L * 24 * 3_600_000L;
                case CALENDAR_MONTH -> {
                    ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
                    yield now.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant().toEpochMilli();
                }
            };
        }
    }
}
