package io.pacer.engine.campaign;

import io.pacer.pacing.DialMode;

/**
 * How a campaign dials: the mode and its parameters, the ring timeout, the connect limit and the channel cap. The
 * one declaration of these settings: the core's {@link CampaignConfig} and storage's campaign both hold one, so
 * their ranges are checked once, here, by {@link CampaignConfig#checkDialSettings}.
 *
 * @param dialMode           how calls are paced
 * @param callsPerReadyAgent power mode: calls in flight per ready agent (e.g. 1.7)
 * @param callsPerWrapAgent  power mode: calls in flight per agent in wrap-up (e.g. 0.1)
 * @param abandonTarget      predictive mode: the cap on abandoned / answered (0.03 = 3%)
 * @param ringTimeoutMillis  unanswered calls are cancelled after this; at least 15 s (FCC 64.1200(a)(6))
 * @param connectLimitMillis an answered call not bridged within this is abandoned (2 s)
 * @param maxChannels        cap on calls in flight for this campaign
 */
public record DialSettings(
        DialMode dialMode,
        double callsPerReadyAgent,
        double callsPerWrapAgent,
        double abandonTarget,
        long ringTimeoutMillis,
        long connectLimitMillis,
        int maxChannels) {

    /** Validates every setting; the exception names the first that is wrong. */
    public DialSettings {
        CampaignConfig.checkDialSettings(dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget, ringTimeoutMillis,
                connectLimitMillis, maxChannels);
    }

    /** A copy with another dial mode. */
    public DialSettings withDialMode(DialMode mode) {
        return new DialSettings(mode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget, ringTimeoutMillis,
                connectLimitMillis, maxChannels);
    }

    /** A copy with another connect limit. */
    public DialSettings withConnectLimit(long millis) {
        return new DialSettings(dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget, ringTimeoutMillis, millis,
                maxChannels);
    }
}
