package io.pacer.simulator.world;

/**
 * What the simulated world measured over a shift, from its own view of agents and calls (not the engine's
 * counters, so the two check each other): agent time by activity, answers and abandons per minute, and any
 * broken invariant.
 */
public final class ShiftStatistics {
    long dials;
    long answers;
    long abandons;
    long connects;
    long machineAnswers;
    long amdFalsePositives;
    long machinesToAgents;
    long inboundOffered;
    long inboundRefused;
    long inboundAnswered;
    long inboundMissed;
    long inboundWaitNanos;
    double loggedInNanos;
    double talkNanos;
    double wrapNanos;
    double waitNanos;
    long waitIntervals;
    long previewOffers;
    long previewAccepts;
    long previewSkips;
    long previewCallLaters;
    long previewDoNotCalls;
    long previewTimeouts;
    long previewLateAnswers;
    long previewOpenAtEnd;
    long previewDecisionNanos;
    long previewTimeoutMinNanos = Long.MAX_VALUE;
    long previewTimeoutMaxNanos;
    double previewNanos;
    double previewDialNanos;
    double previewPausedNanos;
    long previewPauses;
    long violations;
    String firstViolation;
    final long[] answersPerMinute;
    final long[] abandonsPerMinute;

    ShiftStatistics(long shiftNanos) {
        int minutes = (int) Math.max(1, (shiftNanos + 59_999_999_999L) / 60_000_000_000L);
        answersPerMinute = new long[minutes];
        abandonsPerMinute = new long[minutes];
    }

    void violation(String what) {
        violations++;
        if (firstViolation == null) {
            firstViolation = what;
        }
    }

    void answer(long tNanos) {
        answers++;
        answersPerMinute[minute(tNanos)]++;
    }

    void abandon(long tNanos) {
        abandons++;
        abandonsPerMinute[minute(tNanos)]++;
    }

    private int minute(long t) {
        return (int) Math.min(answersPerMinute.length - 1, Math.max(0, t / 60_000_000_000L));
    }

    /** Customers who called the campaign (blending). */
    public long inboundOffered() {
        return inboundOffered;
    }

    /** Callers an agent answered. */
    public long inboundAnswered() {
        return inboundAnswered;
    }

    /** Callers who hung up in the queue or reached its maximum wait. */
    public long inboundMissed() {
        return inboundMissed;
    }

    /** Callers the engine refused (no agent logged in). */
    public long inboundRefused() {
        return inboundRefused;
    }

    /** Mean wait in the queue of the callers answered, seconds. */
    public double inboundWaitMeanSeconds() {
        return inboundAnswered == 0 ? 0 : inboundWaitNanos / 1e9 / inboundAnswered;
    }

    /** Calls a machine answered (not counted in {@link #answers()}). */
    public long machineAnswers() {
        return machineAnswers;
    }

    /** People classed machine and dropped by the campaign: abandoned calls, counted in {@link #abandons()}. */
    public long amdFalsePositives() {
        return amdFalsePositives;
    }

    /** Machines that reached an agent. */
    public long machinesToAgents() {
        return machinesToAgents;
    }

    /** An offer the engine took back after it had been open {@code waitedNanos}. */
    void previewTimedOut(long waitedNanos) {
        previewTimeouts++;
        previewTimeoutMinNanos = Math.min(previewTimeoutMinNanos, waitedNanos);
        previewTimeoutMaxNanos = Math.max(previewTimeoutMaxNanos, waitedNanos);
    }

    /** The preview desk's figures over the shift (all zero in the paced modes). */
    public PreviewFigures preview() {
        long decided = previewAccepts + previewSkips + previewCallLaters + previewDoNotCalls;
        return new PreviewFigures(previewOffers, previewAccepts, previewSkips, previewCallLaters, previewDoNotCalls,
                previewTimeouts, previewLateAnswers, previewOpenAtEnd,
                decided == 0 ? 0 : previewDecisionNanos / 1e9 / decided,
                previewTimeouts == 0 ? 0 : previewTimeoutMinNanos / 1e9, previewTimeoutMaxNanos / 1e9,
                previewPauses, loggedInNanos == 0 ? 0 : previewPausedNanos / loggedInNanos,
                loggedInNanos == 0 ? 0 : previewNanos / loggedInNanos,
                loggedInNanos == 0 ? 0 : (talkNanos + wrapNanos + previewNanos + previewDialNanos) / loggedInNanos);
    }

    /** Abandoned over answered in the worst window of 60 consecutive minutes (the whole shift if shorter). */
    public double worstHourAbandonRate() {
        int window = Math.min(60, answersPerMinute.length);
        long a = 0;
        long d = 0;
        double worst = 0;
        for (int i = 0; i < answersPerMinute.length; i++) {
            a += answersPerMinute[i];
            d += abandonsPerMinute[i];
            if (i >= window) {
                a -= answersPerMinute[i - window];
                d -= abandonsPerMinute[i - window];
            }
            if (i >= window - 1 && a > 0) {
                worst = Math.max(worst, (double) d / a);
            }
        }
        return worst;
    }

    public long dials() {
        return dials;
    }

    public long answers() {
        return answers;
    }

    public long abandons() {
        return abandons;
    }

    public long connects() {
        return connects;
    }

    public long violations() {
        return violations;
    }

    /** The first broken invariant, or {@code null}. */
    public String firstViolation() {
        return firstViolation;
    }

    /** Abandoned over answered by a person. */
    public double abandonRate() {
        return answers == 0 ? 0 : (double) abandons / answers;
    }

    /** (talk + wrap-up) over logged-in agent time. */
    public double occupancy() {
        return loggedInNanos == 0 ? 0 : (talkNanos + wrapNanos) / loggedInNanos;
    }

    /** Talk over logged-in agent time. */
    public double utilization() {
        return loggedInNanos == 0 ? 0 : talkNanos / loggedInNanos;
    }

    /** Mean length of an agent's wait between calls, in seconds. */
    public double agentWaitMeanSeconds() {
        return waitIntervals == 0 ? 0 : waitNanos / waitIntervals / 1e9;
    }

    /** Calls bridged to an agent per logged-in agent hour. */
    public double connectsPerAgentHour() {
        return loggedInNanos == 0 ? 0 : connects / (loggedInNanos / 3.6e12);
    }
}
