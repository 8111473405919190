package io.pacer.simulator.run;

import io.pacer.engine.campaign.AbandonHistory;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.Clock;

/**
 * The simulator's stand-in for the store's abandonment buckets: live answers and abandons per 5-minute bucket of
 * virtual wall time over a multi-day run, kept across simulated restarts, read back as the history a restarted
 * campaign is seeded with, and as the regulator would measure: the rate over any window ending at a given time.
 */
public final class WindowLedger implements CallJournal {
    /** Width of a bucket. */
    public static final long BUCKET_MILLIS = 300_000;
    private final long startEpochMillis;
    private final long[] answers;
    private final long[] abandons;
    private Clock clock;

    /** A ledger for {@code days} days of virtual time from {@code startEpochMillis}. */
    public WindowLedger(long startEpochMillis, int days) {
        this.startEpochMillis = startEpochMillis;
        int n = (int) (days * 86_400_000L / BUCKET_MILLIS) + 1;
        this.answers = new long[n];
        this.abandons = new long[n];
    }

    /** The clock of the engine now running (a new one after every simulated restart). */
    public void useClock(Clock c) {
        this.clock = c;
    }

    @Override
    public void record(CallRecord r) {
        if (r.outcome == null) {
            return;
        }
        int i = (int) ((clock.epochMillis() - startEpochMillis) / BUCKET_MILLIS);
        switch (r.outcome) {
            case CONNECTED -> answers[i]++;
            case ABANDONED, CUSTOMER_HUNG_UP -> {
                answers[i]++;
                abandons[i]++;
            }
            default -> { }
        }
    }

    /** The buckets of the window of {@code windowMillis} that ends at {@code nowEpochMillis}, as seed history. */
    public AbandonHistory history(long windowMillis, long nowEpochMillis) {
        int to = (int) ((nowEpochMillis - startEpochMillis) / BUCKET_MILLIS);
        int from = (int) Math.max(0, (nowEpochMillis - windowMillis - startEpochMillis) / BUCKET_MILLIS);
        int n = Math.max(0, to - from);
        long[] starts = new long[n];
        long[] a = new long[n];
        long[] d = new long[n];
        for (int k = 0; k < n; k++) {
            starts[k] = startEpochMillis + (from + k) * BUCKET_MILLIS;
            a[k] = answers[from + k];
            d[k] = abandons[from + k];
        }
        return new AbandonHistory(windowMillis, starts, a, d);
    }

    /** Answers and abandons in the window of {@code windowMillis} ending at {@code endEpochMillis}. */
    public long[] window(long windowMillis, long endEpochMillis) {
        AbandonHistory h = history(windowMillis, endEpochMillis);
        return new long[] {h.totalAnswers(), h.totalAbandons()};
    }
}
