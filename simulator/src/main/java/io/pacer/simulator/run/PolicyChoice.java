package io.pacer.simulator.run;

import io.pacer.pacing.AdaptiveDialLevelPolicy;
import io.pacer.pacing.DialMode;
import io.pacer.pacing.DialPolicy;
import io.pacer.pacing.PowerPolicy;
import io.pacer.pacing.PredictivePolicy;
import io.pacer.pacing.PredictiveSettings;
import io.pacer.pacing.ProgressivePolicy;
import io.pacer.simulator.scenario.Scenario;
import java.util.Locale;

/**
 * The dial modes a simulation can compare, with how each is built for a scenario: the four paced policies, and
 * the two agent-first modes, where the engine's preview desk offers each contact to an agent first (preview: the
 * agent asks for the next record; push-preview: the engine offers one whenever the agent is ready).
 */
public enum PolicyChoice {
    PROGRESSIVE, POWER, ADAPTIVE, PREDICTIVE, PREVIEW, PUSH_PREVIEW;

    /** Power mode's ratios in the comparisons: the manual's example, 1.7 per ready and 0.1 per wrap-up agent. */
    public static final double POWER_PER_READY = 1.7;
    /** Power mode's calls per wrap-up agent. */
    public static final double POWER_PER_WRAP = 0.1;

    /** A fresh policy for one run of a scenario. */
    public DialPolicy create(Scenario s) {
        return switch (this) {
            // Agent-first modes pace as the engine's DialPolicies gives them: the progressive rule, never used to dial.
            case PROGRESSIVE, PREVIEW, PUSH_PREVIEW -> new ProgressivePolicy();
            case POWER -> new PowerPolicy(POWER_PER_READY, POWER_PER_WRAP);
            case ADAPTIVE -> new AdaptiveDialLevelPolicy(s.abandonTarget(), 3.0);
            case PREDICTIVE -> new PredictivePolicy(PredictiveSettings.defaults(s.abandonTarget(),
                    s.noAnswerTimeoutNanos(), s.connectLimitNanos()));
        };
    }

    /** The campaign's dial mode in the engine: the paced policies run as predictive with their own policy. */
    public DialMode dialMode() {
        return switch (this) {
            case PREVIEW -> DialMode.PREVIEW;
            case PUSH_PREVIEW -> DialMode.PUSH_PREVIEW;
            default -> DialMode.PREDICTIVE;
        };
    }

    /** True for the modes where the engine offers contacts to agents before dialling (the scenario's preview keys). */
    public boolean agentFirst() {
        return dialMode().agentFirst();
    }

    /** Lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The choice named {@code name} (case-insensitive); the error lists the valid names. */
    public static PolicyChoice parse(String name) {
        for (PolicyChoice p : values()) {
            if (p.label().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("--policy: unknown policy '" + name
                + "' (known: progressive, power, adaptive, predictive, preview, push-preview, all)");
    }
}
