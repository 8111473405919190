package io.pacer.api.service;

import io.pacer.store.journal.ActivityRepository.OutcomeFigures;
import io.pacer.store.error.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * The world a what-if simulates, measured from a campaign's last {@link #WINDOW_MILLIS}: how dialled numbers
 * answer (person, busy, failure, no answer), ring and talk times (mean and spread), the agents working, and their
 * wrap-up time, which no record holds and is read by Little's law from the shift charts (agents in wrap-up on
 * average over connects per second). Refused (409) until the window holds {@link #MIN_ANSWERED} answered calls
 * and two chart samples: a prediction from a handful of calls would be noise presented as a forecast.
 *
 * @param calls            outbound calls measured (interrupted ones left out)
 * @param agents           agents working (ready, on a call or in wrap-up) on average
 * @param ringMeanSeconds  dial to answer of answered calls
 * @param talkMeanSeconds  connected calls' talk
 */
public record WhatIfBasis(long calls, double agents, double answerProbability, double busyProbability,
        double failureProbability, double ringMeanSeconds, double ringSdSeconds, double talkMeanSeconds,
        double talkSdSeconds, double wrapMeanSeconds, double noAnswerTimeoutSeconds, double connectLimitSeconds) {

    /** How far back the measurement looks. */
    public static final long WINDOW_MILLIS = 2 * 3_600_000L;
    /** Answered calls the window must hold. */
    public static final long MIN_ANSWERED = 30;

    private static final List<String> ANSWERED = List.of("CONNECTED", "ABANDONED", "CUSTOMER_HUNG_UP");
    // A machine answers but never reaches an agent: for the pacing it is a line taken briefly, as a failure is.
    private static final List<String> FAILED = List.of("FAILURE", "INVALID_NUMBER", "MACHINE");
    private static final List<String> UNANSWERED = List.of("NO_ANSWER", "CANCELLED");

    /**
     * Where the measurement starts: the first shift-chart sample within the window (the charts start when this
     * server did, and agents and calls must be measured over the same span); refused without two samples.
     */
    @SuppressWarnings("unchecked")
    static long fromMillis(Map<String, Object> chart, long nowMillis) {
        List<Long> at = (List<Long>) chart.get("atMillis");
        long from = -1;
        int samples = 0;
        for (long t : at) {
            if (t >= nowMillis - WINDOW_MILLIS) {
                from = from < 0 ? t : from;
                samples++;
            }
        }
        if (samples < 2) {
            throw new ConflictException("campaignId", "a what-if needs the agents measured over at least two chart "
                    + "samples (15 s apart) since this server started");
        }
        return from;
    }

    /**
     * Measures the basis from the campaign's outcome figures of calls dialled since {@code fromMillis} and its
     * shift-chart columns ({@link ShiftHistory}) over the same span.
     */
    @SuppressWarnings("unchecked")
    static WhatIfBasis measure(List<OutcomeFigures> figures, Map<String, Object> chart, long fromMillis,
            long nowMillis, long ringTimeoutMillis, long connectLimitMillis) {
        long answered = 0, busy = 0, failed = 0, unanswered = 0, connected = 0;
        double ringSum = 0, ringSquares = 0, talkSum = 0, talkSquares = 0;
        for (OutcomeFigures f : figures) {
            if (ANSWERED.contains(f.outcome())) {
                answered += f.calls();
                ringSum += f.ringSum();
                ringSquares += f.ringSquares();
            } else if (FAILED.contains(f.outcome())) {
                failed += f.calls();
            } else if (UNANSWERED.contains(f.outcome())) {
                unanswered += f.calls();
            } else if ("BUSY".equals(f.outcome())) {
                busy += f.calls();
            }
            if ("CONNECTED".equals(f.outcome())) {
                connected += f.calls();
                talkSum += f.talkSum();
                talkSquares += f.talkSquares();
            }
        }
        if (answered < MIN_ANSWERED || connected == 0) {
            throw new ConflictException("campaignId", "a what-if needs at least " + MIN_ANSWERED + " answered calls "
                    + "(one connected) measured since " + java.time.Instant.ofEpochMilli(fromMillis)
                    + " to measure the campaign from; it has " + answered);
        }
        List<Long> at = (List<Long>) chart.get("atMillis");
        double working = 0;
        double wrapping = 0;
        int samples = 0;
        for (int i = 0; i < at.size(); i++) {
            if (at.get(i) >= fromMillis) {
                working += value(chart, "agentsReady", i) + value(chart, "agentsOnCall", i) + value(chart, "agentsWrapUp", i);
                wrapping += value(chart, "agentsWrapUp", i);
                samples++;
            }
        }
        double connectsPerSecond = connected / Math.max(1.0, (nowMillis - fromMillis) / 1000.0);
        double total = answered + busy + failed + unanswered;
        double ringMean = ringSum / answered / 1000;
        double talkMean = talkSum / connected / 1000;
        return new WhatIfBasis((long) total, working / samples, answered / total, busy / total, failed / total,
                ringMean, spread(ringSquares / answered / 1e6, ringMean), talkMean,
                spread(talkSquares / connected / 1e6, talkMean), (wrapping / samples) / connectsPerSecond,
                ringTimeoutMillis / 1000.0, connectLimitMillis / 1000.0);
    }

    private static double value(Map<String, Object> chart, String column, int i) {
        Object v = ((List<?>) chart.get(column)).get(i);
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    /** The standard deviation from the mean of squares and the mean. */
    private static double spread(double meanOfSquares, double mean) {
        return Math.sqrt(Math.max(0, meanOfSquares - mean * mean));
    }
}
