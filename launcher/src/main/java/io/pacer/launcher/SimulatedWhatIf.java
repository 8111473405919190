package io.pacer.launcher;

import io.pacer.api.service.WhatIf;
import io.pacer.api.service.WhatIfBasis;
import io.pacer.pacing.DialPolicy;
import io.pacer.pacing.PowerPolicy;
import io.pacer.pacing.PredictivePolicy;
import io.pacer.pacing.PredictiveSettings;
import io.pacer.pacing.ProgressivePolicy;
import io.pacer.simulator.run.RunResult;
import io.pacer.simulator.run.Simulation;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioParser;
import java.io.StringReader;
import java.util.Locale;
import java.util.function.Function;

/**
 * The what-if port on Pacer's simulator: the measured world written as a scenario (the same keys as
 * {@code scenarios/*.yaml}, so the simulator reads it as it reads any scenario) and run on virtual time with the
 * real core and the policy of the settings, over {@link #SEEDS} seeds; the figures are their means. Ring and talk
 * times are log-normal with the measured mean and spread, wrap-up log-normal with half its mean as spread
 * (its spread is not measured), busy and failure times as the shipped scenarios draw them.
 */
final class SimulatedWhatIf implements WhatIf {

    /** Seeds per prediction: enough to steady the means, few enough to answer within a second or two. */
    static final int SEEDS = 4;

    @Override
    public Prediction predict(WhatIfBasis basis, Settings settings, double hours) {
        Scenario scenario = ScenarioParser.parse(new StringReader(yaml(basis, settings, hours)));
        Function<Scenario, DialPolicy> policy = s -> switch (settings.dialMode()) {
            case "POWER" -> new PowerPolicy(settings.callsPerReadyAgent(), settings.callsPerWrapAgent());
            case "PREDICTIVE" -> new PredictivePolicy(PredictiveSettings.defaults(settings.abandonTarget(),
                    s.noAnswerTimeoutNanos(), s.connectLimitNanos()));
            default -> new ProgressivePolicy();
        };
        double occupancy = 0, abandon = 0, worst = 0, wait = 0, connects = 0, dials = 0, answers = 0, abandons = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            RunResult r = new Simulation(scenario, seed, policy).run();
            occupancy += r.occupancy();
            abandon += r.abandonRate();
            worst += r.abandonRateWorstHour();
            wait += r.agentWaitMeanSeconds();
            connects += r.connectsPerAgentHour();
            dials += r.dials();
            answers += r.answers();
            abandons += r.abandons();
        }
        return new Prediction(occupancy / SEEDS, abandon / SEEDS, worst / SEEDS, wait / SEEDS, connects / SEEDS,
                dials / SEEDS, answers / SEEDS, abandons / SEEDS, SEEDS);
    }

    /** The scenario file of a measured world. */
    static String yaml(WhatIfBasis b, Settings settings, double hours) {
        return String.format(Locale.ROOT, """
                name: what-if
                shift: %dm
                seeds: %d
                agents: %d
                answer_probability: %.4f
                busy_probability: %.4f
                failure_probability: %.4f
                ring_time: {dist: lognormal, mean: %s, sd: %s}
                busy_time: {dist: uniform, min: 2s, max: 6s}
                failure_time: {dist: uniform, min: 1s, max: 4s}
                no_answer_timeout: %s
                talk_time: {dist: lognormal, mean: %s, sd: %s}
                wrap_time: {dist: lognormal, mean: %s, sd: %s}
                abandon_target: %.4f
                connect_limit: %s
                """, Math.round(hours * 60), SEEDS, Math.max(1, Math.round(b.agents())), b.answerProbability(),
                b.busyProbability(), b.failureProbability(), secs(b.ringMeanSeconds()), secs(b.ringSdSeconds()),
                secs(b.noAnswerTimeoutSeconds()), secs(b.talkMeanSeconds()), secs(b.talkSdSeconds()),
                secs(b.wrapMeanSeconds()), secs(b.wrapMeanSeconds() / 2), settings.abandonTarget(),
                secs(b.connectLimitSeconds()));
    }

    /** A duration the scenario parser reads, at least 10 ms (a log-normal needs a positive mean and spread). */
    private static String secs(double seconds) {
        return Math.max(10, Math.round(seconds * 1000)) + "ms";
    }
}
