package io.pacer.engine.campaign;

import io.pacer.pacing.AbandonBudget;
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

    /** The predictive tuning for a campaign's settings. */
    public static PredictiveSettings predictiveSettings(CampaignConfig c) {
        return PredictiveSettings.defaults(c.abandonTarget(), c.ringTimeoutMillis() * 1_000_000L,
                c.connectLimitMillis() * 1_000_000L);
    }

    /**
     * A budget over the campaign's regulator window in {@link AbandonHistory#BUCKETS} buckets, seeded with the
     * history the settings carry, as of {@code nowNanos} (core clock) = {@code nowEpochMillis} (wall clock).
     */
    public static AbandonBudget budgetFor(CampaignConfig c, long nowNanos, long nowEpochMillis) {
        AbandonHistory h = c.abandonHistory();
        AbandonBudget budget = PredictivePolicy.budgetFor(predictiveSettings(c), h.bucketMillis() * 1_000_000L,
                AbandonHistory.BUCKETS);
        for (int i = 0; i < h.answers().length; i++) {
            long ageMillis = nowEpochMillis - h.bucketStartsMillis()[i];
            if (ageMillis >= 0) {
                budget.seed(nowNanos, ageMillis * 1_000_000L, h.answers()[i], h.abandons()[i]);
            }
        }
        return budget;
    }
}
