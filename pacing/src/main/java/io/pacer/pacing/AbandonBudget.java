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
 */
public final class AbandonBudget {
    private static final double MIN_LIMIT = 0.002;
    private static final double MAX_LIMIT = 0.6;
    private static final double NANOS_PER_HOUR = 3.6e12;
    private final double target;
    private final double reserveAbandons;
    private final double reserveDeviations;
    private final double gain;
    private final double learningRate;
    private double logReference;
    private double logLimit;
    private long answers;
    private long abandons;
    private long firstAnswerNanos = Long.MIN_VALUE;

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
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("abandon target must be within (0, 1), was " + target);
        }
        this.target = target;
        this.reserveAbandons = reserveAbandons;
        this.reserveDeviations = reserveDeviations;
        this.gain = gain;
        this.learningRate = learningRate;
        this.logReference = Math.log(initialLimit);
        this.logLimit = logReference;
        update(0L);
    }

    /** An answered call was bridged ({@code abandoned == false}) or abandoned. */
    public void onAnswerHandled(long nowNanos, boolean abandoned) {
        if (firstAnswerNanos == Long.MIN_VALUE) {
            firstAnswerNanos = nowNanos;
        }
        answers++;
        if (abandoned) {
            abandons++;
        }
        update(nowNanos);
    }

    private void update(long nowNanos) {
        double surplus = surplus();
        // Large campaigns see many abandons an hour; one abandon of surplus must then move the limit less.
        double hours = answers == 0 ? 0 : Math.max(0.25, (nowNanos - firstAnswerNanos) / NANOS_PER_HOUR);
        double budgetPerHour = hours == 0 ? 0 : target * answers / hours;
        double g = gain / Math.sqrt(1.0 + budgetPerHour / 10.0);
        logReference = clamp(logReference + learningRate * g * surplus);
        logLimit = clamp(logReference + g * surplus);
    }

    private static double clamp(double logValue) {
        return Math.max(Math.log(MIN_LIMIT), Math.min(Math.log(MAX_LIMIT), logValue));
    }

    /** Abandons the campaign may still spend before it eats into its reserve (negative when over). */
    public double surplus() {
        double earned = target * answers;
        return earned - abandons - reserveAbandons - reserveDeviations * Math.sqrt(earned);
    }

    /** The largest chance of being abandoned, should it be answered, that the next call may carry. */
    public double riskLimit() {
        return Math.exp(logLimit);
    }

    /** Answered calls counted. */
    public long answers() {
        return answers;
    }

    /** Abandoned calls counted. */
    public long abandons() {
        return abandons;
    }

    /** Abandoned over answered so far (0 before the first answer). */
    public double abandonRate() {
        return answers == 0 ? 0 : (double) abandons / answers;
    }
}
