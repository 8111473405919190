package io.pacer.engine.campaign;

import io.pacer.pacing.DialMode;
import java.util.List;

/**
 * What the core needs of a campaign to dial it: its id and name, its {@link DialSettings}, the caller id and the
 * history of its regulator's window. Storage keeps the full campaign (lists, hours, retry rules) around the same
 * {@link DialSettings}; the core gets this value whenever they change.
 *
 * @param id             campaign id (small, positive)
 * @param name           human name
 * @param dial           how the campaign dials (mode, ratios, target, ring timeout, connect limit, channels)
 * @param callerId       display number presented to contacts, or {@code null} for the trunk default
 * @param abandonHistory the regulator's window and what the campaign answered and abandoned in it before;
 *                       the core seeds a new budget with it (a running campaign keeps its own count)
 * @param amd            answering-machine detection ({@link AmdSettings#OFF} when {@code null})
 */
public record CampaignConfig(
        int id,
        String name,
        DialSettings dial,
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
        if (dial == null) {
            throw new InvalidSettingException("dialMode", "must be one of " + List.of(DialMode.values()));
        }
        if (abandonHistory == null) {
            abandonHistory = AbandonHistory.empty(DEFAULT_ABANDON_WINDOW_MILLIS);
        }
        if (amd == null) {
            amd = AmdSettings.OFF;
        }
    }

    /** Settings without answering-machine detection. */
    public CampaignConfig(int id, String name, DialSettings dial, String callerId, AbandonHistory abandonHistory) {
        this(id, name, dial, callerId, abandonHistory, null);
    }

    /** Settings with no history, steered over {@link #DEFAULT_ABANDON_WINDOW_MILLIS}. */
    public CampaignConfig(int id, String name, DialMode dialMode, double callsPerReadyAgent, double callsPerWrapAgent,
            double abandonTarget, long ringTimeoutMillis, long connectLimitMillis, int maxChannels, String callerId) {
        this(id, name, new DialSettings(dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget, ringTimeoutMillis,
                connectLimitMillis, maxChannels), callerId, null, null);
    }

    /** {@link DialSettings#dialMode}. */
    public DialMode dialMode() {
        return dial.dialMode();
    }

    /** {@link DialSettings#callsPerReadyAgent}. */
    public double callsPerReadyAgent() {
        return dial.callsPerReadyAgent();
    }

    /** {@link DialSettings#callsPerWrapAgent}. */
    public double callsPerWrapAgent() {
        return dial.callsPerWrapAgent();
    }

    /** {@link DialSettings#abandonTarget}. */
    public double abandonTarget() {
        return dial.abandonTarget();
    }

    /** {@link DialSettings#ringTimeoutMillis}. */
    public long ringTimeoutMillis() {
        return dial.ringTimeoutMillis();
    }

    /** {@link DialSettings#connectLimitMillis}. */
    public long connectLimitMillis() {
        return dial.connectLimitMillis();
    }

    /** {@link DialSettings#maxChannels}. */
    public int maxChannels() {
        return dial.maxChannels();
    }

    /**
     * The one definition of the dial settings' ranges, checked when a {@link DialSettings} is built (by the core's
     * config and by storage's campaign alike).
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
        return new CampaignConfig(id, name, dial.withDialMode(mode), callerId, abandonHistory, amd);
    }

    /** A copy with another connect limit. */
    public CampaignConfig withConnectLimit(long millis) {
        return new CampaignConfig(id, name, dial.withConnectLimit(millis), callerId, abandonHistory, amd);
    }

    /** A copy carrying the window's history, for the core to seed a new budget with. */
    public CampaignConfig withAbandonHistory(AbandonHistory history) {
        return new CampaignConfig(id, name, dial, callerId, history, amd);
    }

    /** A copy with other answering-machine detection settings. */
    public CampaignConfig withAmd(AmdSettings settings) {
        return new CampaignConfig(id, name, dial, callerId, abandonHistory, settings);
    }
}
