package io.pacer.engine.campaign;

/**
 * Answers and abandons per minute over the last day, for the short rates operators watch (5 min, 1 h, 24 h)
 * beside the regulator's window. Pre-allocated; counting allocates nothing. Owned by the core's thread.
 */
public final class RecentAbandons {
    private static final int MINUTES = 1440;
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private final long[] answers = new long[MINUTES];
    private final long[] abandons = new long[MINUTES];
    private long headMinute = Long.MIN_VALUE;

    /** An answer was bridged or abandoned at {@code nowNanos}. */
    public void record(long nowNanos, boolean abandoned) {
        advance(nowNanos);
        int i = (int) Math.floorMod(headMinute, (long) MINUTES);
        answers[i]++;
        if (abandoned) {
            abandons[i]++;
        }
    }

    /** Abandoned over answered in the last {@code minutes} minutes up to {@code nowNanos} (0 with no answer). */
    public double rate(long nowNanos, int minutes) {
        advance(nowNanos);
        long a = 0;
        long d = 0;
        int n = Math.min(minutes, MINUTES);
        for (int k = 0; k < n; k++) {
            int i = (int) Math.floorMod(headMinute - k, (long) MINUTES);
            a += answers[i];
            d += abandons[i];
        }
        return a == 0 ? 0 : (double) d / a;
    }

    private void advance(long nowNanos) {
        long now = Math.floorDiv(nowNanos, NANOS_PER_MINUTE);
        if (headMinute == Long.MIN_VALUE) {
            headMinute = now;
            return;
        }
        long steps = Math.min(now - headMinute, MINUTES);
        for (long k = 1; k <= steps; k++) {
            int i = (int) Math.floorMod(headMinute + k, (long) MINUTES);
            answers[i] = 0;
            abandons[i] = 0;
        }
        headMinute = Math.max(headMinute, now);
    }
}
