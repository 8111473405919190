package io.pacer.pacing;

/**
 * Steers by the abandonment actually caused. The target is a budget over the campaign, not a per-decision
 * threshold: every answered call earns {@code target} of an abandon, every abandon spends one. The surplus
 * (earned minus spent, less a small reserve) sets how much risk the next call may carry, {@link #riskLimit()}:
 * when the running rate nears the target the limit drops and the dialer slows, when far under it rises.
 *
 * <p>It is a proportional-integral controller on the log of the limit: the proportional part reacts to the
 * surplus now, the integral part slowly learns the limit at which the campaign spends its budget evenly, so
 * that the surplus settles at the reserve rather than at an offset. Derivation in {@code docs/pacing.md}
 * (section "Budget controller").
 *
 * <p>The regulators measure over a window (24 hours, 30 days), not a run: a windowed budget counts answers
 * and abandons in time buckets over that window, forgets buckets as they leave it, and can be seeded with the
 * window's history when the campaign starts, so that a campaign that spent its budget this morning dials more
 * carefully this afternoon, across restarts. Buckets are pre-allocated; counting and ageing allocate nothing.
 *
 * <p>The regulator judges every window, not only the last: a window an hour into the first shift holds few
 * answers, and one abandon too many puts it over. So the budget steers on its <em>headroom</em> (abandons the
 * cap allows over the window now, less what the buckets leaving it within the next hour take with them, since
 * an old quiet hour leaving lowers the cap's allowance before any new answer earns it back), and while the
 * headroom is under {@link #GUARD_HEADROOM} abandons the limit is held near its floor, whatever the controller
 * learned ({@code docs/pacing.md}, "Every window").
 */
public final class AbandonBudget {
    private static final double MIN_LIMIT = 0.002;
    private static final double MAX_LIMIT = 0.6;
    private static final double NANOS_PER_HOUR = 3.6e12;
    /** Headroom (abandons) under which the guard caps the limit; at one abandon or less it is the floor. */
    public static final double GUARD_HEADROOM = 2.5;
    /** How fast the guard's cap opens per abandon of headroom above one: e^2.5 per abandon. */
    private static final double GUARD_SLOPE = 2.5;
    private static final long LOOKAHEAD_NANOS = 3_600_000_000_000L;
    /**
     * Reserve, in deviations, against the noise of the answers of about the last hour: how far a window's count
     * can run ahead of the controller before it corrects. It dominates in the first hours of a window, when
     * {@code reserveDeviations · sqrt(τ·N)} (sized for the end of a run) is still small.
     */
    static final double RECENT_DEVIATIONS = 1.8;
    /** The controller's memory: answers count into the recent reserve with weight e^(-age / 1 h). */
    private static final double RECENT_NANOS = 3.6e12;
    private static final long MAX_QUIET_NANOS = 300_000_000_000L;
    /** How far ahead a young window's earnings are counted before it may risk an abandon: 7.5 min. */
    private static final double EARN_AHEAD_HOURS = 0.125;
    /** The shortest span the answer rate is measured over, so that the first answers do not look like a flood. */
    private static final double MIN_RATE_SPAN_HOURS = 5.0 / 60;
    private final int lookaheadBuckets;
    private double headroom;
    private double recentAnswers;
    private long recentAtNanos = Long.MIN_VALUE;
    private final double reserveAbandons;
    private final double reserveDeviations;
    private final double gain;
    private final double learningRate;
    private double logReference;
    private double logLimit;
    private double target;
    private long answers;
    private long abandons;
    private long firstAnswerNanos = Long.MIN_VALUE;
    private final long bucketNanos;
    private final long[] bucketAnswers;
    private final long[] bucketAbandons;
    private long headBucket = Long.MIN_VALUE;
    private long lastUpdateNanos;

    /**
     * @param target          the cap on abandoned / answered (0.03)
     * @param reserveAbandons abandons held back as a safety margin, so that the campaign ends under the cap
     * @param reserveDeviations further reserve per square root of the abandons earned: the noise of the final
     *                        count grows like that, so the margin does too
     * @param initialLimit    the per-call risk limit to start from
     * @param gain            how strongly one abandon of surplus moves the log of the limit (for a small team)
     * @param learningRate    how fast the reference limit follows the surplus (integral action)
     */
    public AbandonBudget(double target, double reserveAbandons, double reserveDeviations, double initialLimit,
                         double gain, double learningRate) {
        this(target, reserveAbandons, reserveDeviations, initialLimit, gain, learningRate, 0, 0);
    }

    /**
     * A budget over a sliding window of {@code buckets} buckets of {@code bucketNanos} each; with no buckets it
     * counts over the whole run.
     */
    public AbandonBudget(double target, double reserveAbandons, double reserveDeviations, double initialLimit,
                         double gain, double learningRate, long bucketNanos, int buckets) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("abandon target must be within (0, 1), was " + target);
        }
        this.target = target;
        this.reserveAbandons = reserveAbandons;
        this.reserveDeviations = reserveDeviations;
        this.gain = gain;
        this.learningRate = learningRate;
        if (buckets < 0 || (buckets > 0 && bucketNanos <= 0)) {
            throw new IllegalArgumentException("a windowed budget needs positive buckets, was " + buckets + " of " + bucketNanos + " ns");
        }
        this.bucketNanos = bucketNanos;
        this.bucketAnswers = new long[buckets];
        this.bucketAbandons = new long[buckets];
        // Buckets that may leave before the controller has earned back what they take: an hour's, at least one.
        this.lookaheadBuckets = buckets == 0 ? 0
                : (int) Math.min(buckets - 1L, Math.max(1L, (LOOKAHEAD_NANOS + bucketNanos - 1) / bucketNanos));
        this.logReference = Math.log(initialLimit);
        this.logLimit = logReference;
        update(0L);
    }

    /** An answered call was bridged ({@code abandoned == false}) or abandoned. */
    public void onAnswerHandled(long nowNanos, boolean abandoned) {
        count(nowNanos, nowNanos, 1, abandoned ? 1 : 0);
        update(nowNanos);
    }

    /**
     * An answer already counted as bridged was abandoned after all (the agent's phone was dead): one more
     * abandon, counted now, and no second answer.
     */
    public void onLiveAnswerAbandoned(long nowNanos) {
        if (abandons < answers) {
            count(nowNanos, nowNanos, 0, 1);
        }
        update(nowNanos);
    }

    /**
     * Adds history from before this budget existed: {@code answers} and {@code abandons} that happened
     * {@code ageNanos} before {@code nowNanos}. History older than the window is ignored. Seed oldest first,
     * before the first live answer.
     */
    public void seed(long nowNanos, long ageNanos, long answers, long abandons) {
        if (answers < 0 || abandons < 0 || abandons > answers) {
            throw new IllegalArgumentException("history must have 0 <= abandons <= answers, was " + abandons + " of " + answers);
        }
        if (bucketAnswers.length > 0 && ageNanos >= bucketNanos * (long) bucketAnswers.length) {
            return;
        }
        count(nowNanos, nowNanos - Math.max(0, ageNanos), answers, abandons);
        update(nowNanos);
    }

    /** A new cap (a live change of settings): what was counted is kept and judged against the new cap. */
    public void retarget(double newTarget) {
        if (!(newTarget > 0 && newTarget < 1)) {
            throw new IllegalArgumentException("abandon target must be within (0, 1), was " + newTarget);
        }
        target = newTarget;
        update(lastUpdateNanos);
    }

    private void count(long nowNanos, long atNanos, long answered, long abandoned) {
        if (firstAnswerNanos == Long.MIN_VALUE || atNanos < firstAnswerNanos) {
            firstAnswerNanos = atNanos;
        }
        answers += answered;
        abandons += abandoned;
        decayRecent(nowNanos);
        recentAnswers += answered * Math.exp(-Math.max(0, nowNanos - atNanos) / RECENT_NANOS);
        if (bucketAnswers.length > 0) {
            advance(nowNanos);
            int i = (int) Math.floorMod(Math.floorDiv(atNanos, bucketNanos), (long) bucketAnswers.length);
            bucketAnswers[i] += answered;
            bucketAbandons[i] += abandoned;
        }
    }

    /** Forgets the buckets that left the window since the last call. */
    private void advance(long nowNanos) {
        long now = Math.floorDiv(nowNanos, bucketNanos);
        int n = bucketAnswers.length;
        if (headBucket == Long.MIN_VALUE) {
            headBucket = now;
            return;
        }
        long steps = Math.min(now - headBucket, n);
        for (long k = 1; k <= steps; k++) {
            int i = (int) Math.floorMod(headBucket + k, (long) n);
            answers -= bucketAnswers[i];
            abandons -= bucketAbandons[i];
            bucketAnswers[i] = 0;
            bucketAbandons[i] = 0;
        }
        headBucket = Math.max(headBucket, now);
    }

    /** Lets the window slide to {@code nowNanos} with no answer (a quiet campaign's old abandons age out). */
    public void age(long nowNanos) {
        if (bucketAnswers.length > 0 && headBucket != Long.MIN_VALUE && Math.floorDiv(nowNanos, bucketNanos) > headBucket) {
            advance(nowNanos);
            update(nowNanos);
        }
    }

    /**
     * Ages the recent answers to {@code nowNanos}: e^(-Δt / 1 h), so that they count about the last hour's of
     * answering. A quiet gap counts as at most five minutes: the controller corrects nothing while no answer
     * comes (a lunch break with the window over its cap), so the noise it must still absorb has not gone away.
     */
    private void decayRecent(long nowNanos) {
        if (recentAtNanos != Long.MIN_VALUE && nowNanos > recentAtNanos) {
            recentAnswers *= Math.exp(-Math.min(nowNanos - recentAtNanos, MAX_QUIET_NANOS) / RECENT_NANOS);
        }
        if (recentAtNanos == Long.MIN_VALUE || nowNanos > recentAtNanos) {
            recentAtNanos = nowNanos;
        }
    }

    private void update(long nowNanos) {
        lastUpdateNanos = nowNanos;
        headroom = projectedHeadroom();
        double surplus = surplus();
        // Large campaigns see many abandons an hour; one abandon of surplus must then move the limit less.
        long spanNanos = nowNanos - firstAnswerNanos;
        if (bucketAnswers.length > 0) {
            spanNanos = Math.min(spanNanos, bucketNanos * (long) bucketAnswers.length);
        }
        double hours = answers == 0 ? 0 : Math.max(0.25, spanNanos / NANOS_PER_HOUR);
        double budgetPerHour = hours == 0 ? 0 : target * answers / hours;
        double g = gain / Math.sqrt(1.0 + budgetPerHour / 10.0);
        logReference = clamp(logReference + learningRate * g * surplus);
        logLimit = clamp(logReference + g * surplus);
    }

    private static double clamp(double logValue) {
        return Math.max(Math.log(MIN_LIMIT), Math.min(Math.log(MAX_LIMIT), logValue));
    }

    /**
     * The lowest the cap's allowance (τ·answers − abandons) falls as the buckets due to leave the window within
     * the look-ahead leave it, counting no new answer: a bucket that earned more than it spent lowers it.
     */
    private double projectedHeadroom() {
        double now = target * answers - abandons;
        if (lookaheadBuckets == 0 || headBucket == Long.MIN_VALUE) {
            return now;
        }
        int n = bucketAnswers.length;
        double worst = now;
        double running = now;
        for (int k = 1; k <= lookaheadBuckets; k++) {
            // headBucket + k (mod n) holds the k-th oldest bucket: the next to be cleared by advance().
            int i = (int) Math.floorMod(headBucket + k, (long) n);
            running -= target * bucketAnswers[i] - bucketAbandons[i];
            worst = Math.min(worst, running);
        }
        return worst;
    }

    /**
     * Abandons the cap allows over the window, less what the buckets leaving it within the next hour take away
     * (the cap's allowance over the whole count, on a budget over the run).
     */
    public double headroom() {
        return headroom;
    }

    /**
     * True while the window has earned fewer than two abandons and has no headroom for one more, counting what the
     * next 7.5 minutes will earn at the campaign's answer rate: one abandon would then leave it over the cap for a
     * long stretch of answers, so no call may carry any risk. Later in a window the guard's floor is enough, and
     * dialling only risk-free calls there would cost a cold list hours of occupancy to pay back one burst; a cold
     * list also earns its first abandon within minutes, so it is not held back for its first 34 answers.
     */
    public boolean mustNotRisk(long nowNanos) {
        return headroom + earnedAhead(nowNanos) < 1 && target * answers < 2;
    }

    /**
     * Abandons the cap will allow over the next 7.5 minutes at the rate answers have come so far: a cold list
     * earns one in a minute or two, and dialling only risk-free calls until it has would cost it far more
     * occupancy than the abandon could cost the window; a team of ten on ten-minute calls earns one in forty.
     */
    private double earnedAhead(long nowNanos) {
        if (answers == 0 || firstAnswerNanos == Long.MIN_VALUE) {
            return 0;
        }
        double hours = Math.max(MIN_RATE_SPAN_HOURS, (nowNanos - firstAnswerNanos) / NANOS_PER_HOUR);
        return target * answers / hours * EARN_AHEAD_HOURS;
    }

    /**
     * Abandons the campaign may still spend before it eats into its reserve (negative when over). The reserve is
     * {@code reserveAbandons} plus the larger of {@code reserveDeviations · sqrt(τ·N)}, sized so that a run ends
     * under the cap, and {@link #RECENT_DEVIATIONS} {@code · sqrt(τ·R)} over the recent answers R (about the last
     * hour's), sized so that the window judged an hour or two into a shift is under it too. The second only
     * holds abandons back early, to spend them later: the end of a run keeps the first, and so its abandons.
     */
    public double surplus() {
        double deviations = Math.max(reserveDeviations * Math.sqrt(target * answers),
                RECENT_DEVIATIONS * Math.sqrt(target * Math.min(answers, recentAnswers)));
        return headroom - reserveAbandons - deviations;
    }

    /** Abandons the cap still allows over the counted answers, without the reserve (negative when over). */
    public double abandonsLeft() {
        return target * answers - abandons;
    }

    /** The largest chance of being abandoned, should it be answered, that the next call may carry. */
    public double riskLimit() {
        return Math.min(Math.exp(logLimit), guardCap(headroom));
    }

    /**
     * The cap the headroom puts on the limit: the floor at one abandon of headroom or less (one more abandon and
     * the window is over now), opening by e^2.5 per abandon above it, none from {@link #GUARD_HEADROOM} up. It works
     * in abandons, not in rate, because a window's count is whole: at 50 answers and 3% a second abandon is
     * already 4%. A large team earns an abandon a minute and is held only for its first few dozen answers.
     */
    private static double guardCap(double headroomAbandons) {
        if (headroomAbandons >= GUARD_HEADROOM) {
            return MAX_LIMIT;
        }
        return MIN_LIMIT * Math.exp(GUARD_SLOPE * Math.max(0, headroomAbandons - 1));
    }

    /** The cap on abandoned / answered. */
    public double target() {
        return target;
    }

    /** Answered calls counted (in the window, when windowed). */
    public long answers() {
        return answers;
    }

    /** Abandoned calls counted (in the window, when windowed). */
    public long abandons() {
        return abandons;
    }

    /** Abandoned over answered so far (0 before the first answer). */
    public double abandonRate() {
        return answers == 0 ? 0 : (double) abandons / answers;
    }
}
