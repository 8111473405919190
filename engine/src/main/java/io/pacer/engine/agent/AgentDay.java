package io.pacer.engine.agent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Each agent's figures for today, in flat arrays owned by the core's thread: calls taken, time talking and time
 * in wrap-up (the console's agent grid shows the calls and the two averages). "Today" starts at local midnight
 * in the site's time zone ({@link #zone}, the JVM's default unless set), one zone for the whole floor since an
 * agent may work campaigns of several zones in a day. An agent's figures are cleared lazily: each carries the
 * day it was counted in, and a count or read on a later day starts from zero, so midnight costs no sweep.
 *
 * <p>A stay that spans midnight counts on the day it ends (a talk or wrap-up is counted once, when it ends; a
 * call when it is bridged). The figures live in memory only: a restart starts the day's figures again.
 * Counting allocates nothing; finding the next midnight allocates, once a day.
 */
public final class AgentDay {
    private final int[] dayOf;
    private final int[] calls;
    private final int[] talks;
    private final long[] talkNanos;
    private final int[] wraps;
    private final long[] wrapNanos;
    private final byte[] lastLogoutReason;
    private final byte[] pendingLogoutReason;
    private final long[] lastLogoutAtMillis;
    private ZoneId zone = ZoneId.systemDefault();
    /** Today's serial number; an agent whose {@code dayOf} differs has counted nothing today. */
    private int day = 1;
    private long dayEndsAtMillis = Long.MIN_VALUE;

    /** Figures for agent ids {@code 0 .. capacity-1}. */
    public AgentDay(int capacity) {
        dayOf = new int[capacity];
        calls = new int[capacity];
        talks = new int[capacity];
        talkNanos = new long[capacity];
        wraps = new int[capacity];
        wrapNanos = new long[capacity];
        lastLogoutReason = new byte[capacity];
        pendingLogoutReason = new byte[capacity];
        lastLogoutAtMillis = new long[capacity];
    }

    /** The zone whose midnight starts the day; the current day's figures are kept until its next midnight. */
    public void zone(ZoneId siteZone, long nowMillis) {
        this.zone = siteZone;
        dayEndsAtMillis = nextMidnight(nowMillis);
    }

    /** The site's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The agent was bridged to a call. */
    public void callStarted(int agent, long nowMillis) {
        today(agent, nowMillis);
        calls[agent]++;
    }

    /** The agent's talk of {@code nanos} ended (its call ended or it was lost). */
    public void talkEnded(int agent, long nanos, long nowMillis) {
        today(agent, nowMillis);
        talks[agent]++;
        talkNanos[agent] += nanos;
    }

    /** The agent's wrap-up of {@code nanos} ended. */
    public void wrapEnded(int agent, long nanos, long nowMillis) {
        today(agent, nowMillis);
        wraps[agent]++;
        wrapNanos[agent] += nanos;
    }

    /** A logout was asked for, for this reason; it becomes the last logout's reason when it takes effect. */
    public void logoutAsked(int agent, LogoutReason reason) {
        pendingLogoutReason[agent] = (byte) reason.ordinal();
    }

    /** The agent's logout took effect, for the reason last asked. */
    public void loggedOut(int agent, long nowMillis) {
        lastLogoutReason[agent] = pendingLogoutReason[agent] == 0 ? (byte) LogoutReason.ASKED.ordinal()
                : pendingLogoutReason[agent];
        pendingLogoutReason[agent] = 0;
        lastLogoutAtMillis[agent] = nowMillis;
    }

    /** The agent logged in: a logout asked before is withdrawn. */
    public void loggedIn(int agent) {
        pendingLogoutReason[agent] = 0;
    }

    /** Calls the agent was bridged to today. */
    public int calls(int agent, long nowMillis) {
        return counted(agent, nowMillis) ? calls[agent] : 0;
    }

    /** The agent's average talk today in milliseconds, -1 when it ended no talk today. */
    public long talkAverageMillis(int agent, long nowMillis) {
        return counted(agent, nowMillis) && talks[agent] > 0 ? talkNanos[agent] / talks[agent] / 1_000_000L : -1;
    }

    /** The agent's average wrap-up today in milliseconds, -1 when it ended no wrap-up today. */
    public long wrapAverageMillis(int agent, long nowMillis) {
        return counted(agent, nowMillis) && wraps[agent] > 0 ? wrapNanos[agent] / wraps[agent] / 1_000_000L : -1;
    }

    /** Why the agent was last logged out. */
    public LogoutReason lastLogoutReason(int agent) {
        return LogoutReason.ofOrdinal(lastLogoutReason[agent]);
    }

    /** When the agent was last logged out (epoch milliseconds), 0 when it has not been. */
    public long lastLogoutAtMillis(int agent) {
        return lastLogoutAtMillis[agent];
    }

    private boolean counted(int agent, long nowMillis) {
        rollOver(nowMillis);
        return dayOf[agent] == day;
    }

    private void today(int agent, long nowMillis) {
        if (!counted(agent, nowMillis)) {
            dayOf[agent] = day;
            calls[agent] = 0;
            talks[agent] = 0;
            talkNanos[agent] = 0;
            wraps[agent] = 0;
            wrapNanos[agent] = 0;
        }
    }

    private void rollOver(long nowMillis) {
        if (nowMillis >= dayEndsAtMillis) {
            if (dayEndsAtMillis != Long.MIN_VALUE) {
                day++;
            }
            dayEndsAtMillis = nextMidnight(nowMillis);
        }
    }

    private long nextMidnight(long nowMillis) {
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(nowMillis), zone);
        return date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
