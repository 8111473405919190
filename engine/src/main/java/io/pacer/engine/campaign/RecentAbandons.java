package io.pacer.engine.campaign;

/**
 * Answers and abandons per minute over the last day, for the short rates operators watch (5 min, 1 h, 24 h)
 * beside the regulator's window. Running sums are kept per span, so that a rate is read in constant time and
 * a minute passing costs a few subtractions. Pre-allocated; nothing allocates. Owned by the core's thread.
 */
public final class RecentAbandons {
    /** The spans reported, in minutes. */
    public static final int FIVE_MINUTES = 0;
    /** Index of the one-hour span. */
    public static final int ONE_HOUR = 1;
    /** Index of the 24-hour span. */
    public static final int ONE_DAY = 2;
    private static final int[] SPAN_MINUTES = {5, 60, 1440};
    private static final int MINUTES = 1440;
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private final long[] answers = new long[MINUTES];
    private final long[] abandons = new long[MINUTES];
    private final long[] spanAnswers = new long[SPAN_MINUTES.length];
    private final long[] spanAbandons = new long[SPAN_MINUTES.length];
    private long headMinute = Long.MIN_VALUE;

    /** An answer was bridged or abandoned at {@code nowNanos}. */
    public void record(long nowNanos, boolean abandoned) {
        advance(nowNanos);
        int i = index(headMinute);
        answers[i]++;
        int d = abandoned ? 1 : 0;
        abandons[i] += d;
        for (int s = 0; s < SPAN_MINUTES.length; s++) {
            spanAnswers[s]++;
            spanAbandons[s] += d;
        }
    }

    /** An answer recorded as bridged was abandoned after all: one more abandon now, no second answer. */
    public void recordAbandonOfCountedAnswer(long nowNanos) {
        advance(nowNanos);
        abandons[index(headMinute)]++;
        for (int s = 0; s < SPAN_MINUTES.length; s++) {
            spanAbandons[s] = Math.min(spanAnswers[s], spanAbandons[s] + 1);
        }
    }

    /** Abandoned over answered in a span ({@link #FIVE_MINUTES}, {@link #ONE_HOUR}, {@link #ONE_DAY}) to now. */
    public double rate(long nowNanos, int span) {
        advance(nowNanos);
        return spanAnswers[span] == 0 ? 0 : (double) spanAbandons[span] / spanAnswers[span];
    }

    /** Answers in a span up to the last time seen. */
    public long answers(int span) {
        return spanAnswers[span];
    }

    private int index(long minute) {
        return (int) Math.floorMod(minute, (long) MINUTES);
    }

    private void advance(long nowNanos) {
        long now = Math.floorDiv(nowNanos, NANOS_PER_MINUTE);
        if (headMinute == Long.MIN_VALUE) {
            headMinute = now;
            return;
        }
        if (now - headMinute >= MINUTES) {
            java.util.Arrays.fill(answers, 0);
            java.util.Arrays.fill(abandons, 0);
            java.util.Arrays.fill(spanAnswers, 0);
            java.util.Arrays.fill(spanAbandons, 0);
            headMinute = now;
            return;
        }
        while (headMinute < now) {
            headMinute++;
            for (int s = 0; s < SPAN_MINUTES.length; s++) {
                // The minute that now falls out of span s (for the day span, the one being reused).
                int leaving = index(headMinute - SPAN_MINUTES[s]);
                spanAnswers[s] -= answers[leaving];
                spanAbandons[s] -= abandons[leaving];
            }
            int i = index(headMinute);
            answers[i] = 0;
            abandons[i] = 0;
        }
    }
}
