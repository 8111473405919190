package io.pacer.engine.campaign;

/**
 * What a campaign answered and abandoned over its regulator's window before the core took it on, as stored
 * per time bucket: the core seeds the campaign's abandonment budget with it, so that a restart or a new start
 * mid-window resumes the budget rather than a clean slate.
 *
 * @param windowMillis    the window the budget is steered over (24 h under Ofcom, 30 days under the FCC)
 * @param bucketStartsMillis each bucket's start (epoch ms), oldest first
 * @param answers         live answers per bucket
 * @param abandons        abandoned answers per bucket
 * @param pool            the abandonment pool whose window this is ({@code null}: the campaign alone); the core
 *                        counts every live answer of a running member in the budgets of the pool's other running
 *                        members, so that they share one budget live (docs/compliance.md, "Abandonment pools")
 */
public record AbandonHistory(long windowMillis, long[] bucketStartsMillis, long[] answers, long[] abandons,
        String pool) {

    /** Buckets a window is steered in: 5 min over 24 h, 2.5 h over 30 days. */
    public static final int BUCKETS = 288;

    /** Checks the arrays line up and the figures are possible. */
    public AbandonHistory {
        if (windowMillis < BUCKETS) {
            throw new IllegalArgumentException("windowMillis: must be at least " + BUCKETS + ", was " + windowMillis);
        }
        if (bucketStartsMillis.length != answers.length || answers.length != abandons.length) {
            throw new IllegalArgumentException("history: one start, answer and abandon count per bucket");
        }
        for (int i = 0; i < answers.length; i++) {
            if (abandons[i] < 0 || abandons[i] > answers[i]) {
                throw new IllegalArgumentException("history: bucket " + i + " has " + abandons[i] + " abandons of "
                        + answers[i] + " answers");
            }
        }
    }

    /** A campaign's own history, in no pool. */
    public AbandonHistory(long windowMillis, long[] bucketStartsMillis, long[] answers, long[] abandons) {
        this(windowMillis, bucketStartsMillis, answers, abandons, null);
    }

    /** The same history as the window of pool {@code name} ({@code null} or blank: no pool). */
    public AbandonHistory inPool(String name) {
        return new AbandonHistory(windowMillis, bucketStartsMillis, answers, abandons,
                name == null || name.isBlank() ? null : name);
    }

    /** No history yet, over a window of {@code windowMillis}. */
    public static AbandonHistory empty(long windowMillis) {
        return new AbandonHistory(windowMillis, new long[0], new long[0], new long[0]);
    }

    /** The width of one of the budget's buckets. */
    public long bucketMillis() {
        return windowMillis / BUCKETS;
    }

    /** Answers over every bucket. */
    public long totalAnswers() {
        long n = 0;
        for (long a : answers) {
            n += a;
        }
        return n;
    }

    /** Abandons over every bucket. */
    public long totalAbandons() {
        long n = 0;
        for (long a : abandons) {
            n += a;
        }
        return n;
    }
}
