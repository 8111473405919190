package io.pacer.engine.campaign;

import io.pacer.pacing.DialMode;

/**
 * The part of a campaign's settings that the core needs to dial: the mode and its parameters, the ring
 * timeout, the connect limit and the channel cap. Storage keeps the full campaign (lists, hours, retry
 * rules); the core gets this value whenever they change.
 *
 * @param id                 campaign id (small, positive)
 * @param name               human name
 * @param dialMode           how calls are paced
 * @param callsPerReadyAgent power mode: calls in flight per ready agent (e.g. 1.7)
 * @param callsPerWrapAgent  power mode: calls in flight per agent in wrap-up (e.g. 0.1)
 * @param abandonTarget      predictive mode: the cap on abandoned / answered (0.03 = 3%)
 * @param ringTimeoutMillis  unanswered calls are cancelled after this; at least 15 s (FCC 64.1200(a)(6))
 * @param connectLimitMillis an answered call not bridged within this is abandoned (2 s)
 * @param maxChannels        cap on calls in flight for this campaign
 * @param callerId           display number presented to contacts, or {@code null} for the trunk default
 */
public record CampaignConfig(
        int id,
        String name,
        DialMode dialMode,
        double callsPerReadyAgent,
        double callsPerWrapAgent,
        double abandonTarget,
        long ringTimeoutMillis,
        long connectLimitMillis,
        int maxChannels,
        String callerId) {

    /** The legal minimum ring time before an unanswered call may be dropped. */
    public static final long MIN_RING_TIMEOUT_MILLIS = 15_000;

    /** Validates every field; the message names the field and the problem. */
    public CampaignConfig {
        if (id <= 0) {
            throw new IllegalArgumentException("id: must be positive, was " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        if (dialMode == null) {
            throw new IllegalArgumentException("dialMode: missing");
        }
        if (!(callsPerReadyAgent >= 0 && callsPerReadyAgent <= 20)) {
            throw new IllegalArgumentException("callsPerReadyAgent: must be within 0..20, was " + callsPerReadyAgent);
        }
        if (!(callsPerWrapAgent >= 0 && callsPerWrapAgent <= 20)) {
            throw new IllegalArgumentException("callsPerWrapAgent: must be within 0..20, was " + callsPerWrapAgent);
        }
        if (dialMode == DialMode.POWER && callsPerReadyAgent < 1.0) {
            throw new IllegalArgumentException("callsPerReadyAgent: power mode needs at least 1.0, was " + callsPerReadyAgent);
        }
        if (!(abandonTarget > 0 && abandonTarget <= 0.5)) {
            throw new IllegalArgumentException("abandonTarget: must be within (0, 0.5], was " + abandonTarget);
        }
        if (ringTimeoutMillis < MIN_RING_TIMEOUT_MILLIS || ringTimeoutMillis > 300_000) {
            throw new IllegalArgumentException("ringTimeoutMillis: must be within 15000..300000, was " + ringTimeoutMillis);
        }
        if (connectLimitMillis < 100 || connectLimitMillis > 10_000) {
            throw new IllegalArgumentException("connectLimitMillis: must be within 100..10000, was " + connectLimitMillis);
        }
        if (maxChannels < 1) {
            throw new IllegalArgumentException("maxChannels: must be at least 1, was " + maxChannels);
        }
    }

    /** A predictive campaign with the usual defaults: 3% target, 25 s ring timeout, 2 s connect limit. */
    public static CampaignConfig predictive(int id, String name) {
        return new CampaignConfig(id, name, DialMode.PREDICTIVE, 1.0, 0.0, 0.03, 25_000, 2_000, 1_000, null);
    }

    /** A copy with another dial mode. */
    public CampaignConfig withDialMode(DialMode mode) {
        return new CampaignConfig(id, name, mode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget,
                ringTimeoutMillis, connectLimitMillis, maxChannels, callerId);
    }
}
