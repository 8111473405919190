package io.pacer.engine.campaign;

import io.pacer.pacing.AdaptiveDialLevelPolicy;
import io.pacer.pacing.DialPolicy;
import io.pacer.pacing.PowerPolicy;
import io.pacer.pacing.PredictivePolicy;
import io.pacer.pacing.PredictiveSettings;
import io.pacer.pacing.ProgressivePolicy;

/** Builds the pacing policy a campaign's settings call for. */
public final class DialPolicies {
    private DialPolicies() {
    }

    /**
     * The policy for a campaign. Agent-first modes (preview, push-preview) get the progressive rule, which the
     * core only consults for callbacks; their dialing is driven by agents accepting records.
     */
    public static DialPolicy forCampaign(CampaignConfig c) {
        long ring = c.ringTimeoutMillis() * 1_000_000L;
        long connect = c.connectLimitMillis() * 1_000_000L;
        return switch (c.dialMode()) {
            case PREVIEW, PUSH_PREVIEW, PROGRESSIVE -> new ProgressivePolicy();
            case POWER -> new PowerPolicy(c.callsPerReadyAgent(), c.callsPerWrapAgent());
            case ADAPTIVE -> new AdaptiveDialLevelPolicy(c.abandonTarget(), 3.0);
            case PREDICTIVE -> new PredictivePolicy(PredictiveSettings.defaults(c.abandonTarget(), ring, connect));
        };
    }
}
