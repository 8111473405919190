package io.pacer.engine.campaign;

import io.pacer.pacing.DialMode;
import java.util.List;

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
 * @param abandonHistory     the regulator's window and what the campaign answered and abandoned in it before;
 *                           the core seeds a new budget with it (a running campaign keeps its own count)
 * @param amd                answering-machine detection ({@link AmdSettings#OFF} when {@code null})
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
        String callerId,
        AbandonHistory abandonHistory,
        AmdSettings amd) {

    /** The window a campaign with no regime steers its abandonment over: 30 days, as the FCC measures. */
    public static final long DEFAULT_ABANDON_WINDOW_MILLIS = 30L * 24 * 3_600_000L;

    /** The legal minimum ring time before an unanswered call may be dropped. */
    public static final long MIN_RING_TIMEOUT_MILLIS = 15_000;
    /** The longest ring timeout: a phone ringing five minutes is not going to be answered. */
    public static final long MAX_RING_TIMEOUT_MILLIS = 300_000;
    /** The shortest connect limit the media path can bridge within. */
    public static final long MIN_CONNECT_LIMIT_MILLIS = 100;
    /** The longest connect limit: beyond it the answered person has long hung up. */
    public static final long MAX_CONNECT_LIMIT_MILLIS = 10_000;
    /** The highest power ratio per agent. */
    public static final double MAX_CALLS_PER_AGENT = 20;
    /** The highest abandonment cap a predictive campaign may aim at. */
    public static final double MAX_ABANDON_TARGET = 0.5;

    /** Validates every field; the exception names the first field that is wrong. */
    public CampaignConfig {
        if (id <= 0) {
            throw new InvalidSettingException("id", "must be positive, was " + id);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidSettingException("name", "must not be empty");
        }
        checkDialSettings(dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget, ringTimeoutMillis,
                connectLimitMillis, maxChannels);
        if (abandonHistory == null) {
            abandonHistory = AbandonHistory.empty(DEFAULT_ABANDON_WINDOW_MILLIS);
        }
        if (amd == null) {
            amd = AmdSettings.OFF;
        }
    }

    /** Settings without answering-machine detection. */
    public CampaignConfig(int id, String name, DialMode dialMode, double callsPerReadyAgent, double callsPerWrapAgent,
            double abandonTarget, long ringTimeoutMillis, long connectLimitMillis, int maxChannels, String callerId,
            AbandonHistory abandonHistory) {
        this(id, name, dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget, ringTimeoutMillis,
                connectLimitMillis, maxChannels, callerId, abandonHistory, null);
    }

    /** Settings with no history, steered over {@link #DEFAULT_ABANDON_WINDOW_MILLIS}. */
    public CampaignConfig(int id, String name, DialMode dialMode, double callsPerReadyAgent, double callsPerWrapAgent,
            double abandonTarget, long ringTimeoutMillis, long connectLimitMillis, int maxChannels, String callerId) {
        this(id, name, dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget, ringTimeoutMillis,
                connectLimitMillis, maxChannels, callerId, null, null);
    }

    /**
     * The one definition of the dial settings' ranges, shared with storage, which checks a campaign's settings
     * when it is stored (before it has an id) and so cannot wait for this record to be built.
     *
     * @throws InvalidSettingException naming the first setting that is wrong
     */
    public static void checkDialSettings(DialMode dialMode, double callsPerReadyAgent, double callsPerWrapAgent,
            double abandonTarget, long ringTimeoutMillis, long connectLimitMillis, int maxChannels) {
        require(dialMode != null, "dialMode", "must be one of " + List.of(DialMode.values()));
        require(callsPerReadyAgent >= 0 && callsPerReadyAgent <= MAX_CALLS_PER_AGENT, "callsPerReadyAgent", "must be within 0..20");
        require(callsPerWrapAgent >= 0 && callsPerWrapAgent <= MAX_CALLS_PER_AGENT, "callsPerWrapAgent", "must be within 0..20");
        require(dialMode != DialMode.POWER || callsPerReadyAgent >= 1.0, "callsPerReadyAgent", "power mode needs at least 1.0");
        require(abandonTarget > 0 && abandonTarget <= MAX_ABANDON_TARGET, "abandonTarget", "must be within (0, 0.5]");
        require(ringTimeoutMillis >= MIN_RING_TIMEOUT_MILLIS && ringTimeoutMillis <= MAX_RING_TIMEOUT_MILLIS,
                "ringTimeoutMillis", "must be within 15000..300000 (at least 15 s of ringing)");
        require(connectLimitMillis >= MIN_CONNECT_LIMIT_MILLIS && connectLimitMillis <= MAX_CONNECT_LIMIT_MILLIS,
                "connectLimitMillis", "must be within 100..10000");
        require(maxChannels >= 1, "maxChannels", "must be at least 1");
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new InvalidSettingException(field, problem);
        }
    }

    /**
     * A campaign setting out of its range. An {@link IllegalArgumentException} for the core's callers; the
     * field and problem apart so storage and the API can name the field without parsing a message.
     */
    public static final class InvalidSettingException extends IllegalArgumentException {

        private final String field;
        private final String problem;

        /** The setting at fault and what is wrong with it. */
        public InvalidSettingException(String field, String problem) {
            super(field + ": " + problem);
            this.field = field;
            this.problem = problem;
        }

        /** The setting's name, as the record component and the API name it. */
        public String field() {
            return field;
        }

        /** What is wrong with it, for a person. */
        public String problem() {
            return problem;
        }
    }

    /** A predictive campaign with the usual defaults: 3% target, 25 s ring timeout, 2 s connect limit. */
    public static CampaignConfig predictive(int id, String name) {
        return new CampaignConfig(id, name, DialMode.PREDICTIVE, 1.0, 0.0, 0.03, 25_000, 2_000, 1_000, null);
    }

    /** A copy with another dial mode. */
    public CampaignConfig withDialMode(DialMode mode) {
        return new CampaignConfig(id, name, mode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget,
                ringTimeoutMillis, connectLimitMillis, maxChannels, callerId, abandonHistory, amd);
    }

    /** A copy with another connect limit. */
    public CampaignConfig withConnectLimit(long millis) {
        return new CampaignConfig(id, name, dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget,
                ringTimeoutMillis, millis, maxChannels, callerId, abandonHistory, amd);
    }

    /** A copy carrying the window's history, for the core to seed a new budget with. */
    public CampaignConfig withAbandonHistory(AbandonHistory history) {
        return new CampaignConfig(id, name, dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget,
                ringTimeoutMillis, connectLimitMillis, maxChannels, callerId, history, amd);
    }

    /** A copy with other answering-machine detection settings. */
    public CampaignConfig withAmd(AmdSettings settings) {
        return new CampaignConfig(id, name, dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget,
                ringTimeoutMillis, connectLimitMillis, maxChannels, callerId, abandonHistory, settings);
    }
}
