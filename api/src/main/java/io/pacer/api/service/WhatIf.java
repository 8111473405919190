package io.pacer.api.service;

/**
 * The what-if port: predicts a campaign's next hours under some pacing settings, in a world measured from the
 * campaign's own recent calls. The API holds no simulator (it sits beside the core, the simulator above it); the
 * launcher plugs one in (Pacer's simulator: the real core and policy on virtual time).
 */
public interface WhatIf {

    /** Pacing settings to try: a dial mode and its figures (the ratios apply to power mode). */
    record Settings(String dialMode, double callsPerReadyAgent, double callsPerWrapAgent, double abandonTarget) {
    }

    /**
     * What the simulated hours showed, means over the seeds run; field names as in {@code pacer simulate --json}.
     */
    record Prediction(double occupancy, double abandonRate, double abandonRateWorstHour, double agentWaitMeanSeconds,
            double connectsPerAgentHour, double dials, double answers, double abandons, int seeds) {
    }

    /** Runs {@code hours} of a world like {@code basis} under {@code settings}. */
    Prediction predict(WhatIfBasis basis, Settings settings, double hours);
}
