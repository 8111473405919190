package io.pacer.engine.campaign;

/**
 * A campaign's rules on its agents: how long a preview offer waits for an answer, how many offers in a row an
 * agent may let time out before it is paused, how long wrap-up may last and what is recorded when it runs out,
 * and how long a personal callback waits for its owner. Zero switches a timer off. Kept apart from
 * {@link CampaignConfig} because they govern agents, not dialing, and change without touching the pacing.
 *
 * @param previewTimeoutMillis an open preview offer goes back to the list after this; 0: it waits for ever
 * @param maxMissedOffers      an agent who lets this many offers in a row time out is paused with
 *                             {@link io.pacer.engine.agent.PauseReasons#MISSED_OFFERS}; 0: never
 * @param wrapUpLimitMillis    an agent still in wrap-up after this is made ready; 0: wrap-up lasts until the
 *                             agent ends it
 * @param wrapUpOutcome        the outcome storage records for the call when the wrap-up limit passes and the agent
 *                             has recorded none, or {@code null}: the agent is only made ready (storage checks the
 *                             name against the campaign's outcomes)
 * @param callbackGraceMillis  a personal callback whose owner is not logged in to the campaign this long after it
 *                             fell due goes to {@code callbackFallback}; 0: it waits for its owner
 * @param callbackFallback     where such a callback goes
 */
public record AgentRules(long previewTimeoutMillis, int maxMissedOffers, long wrapUpLimitMillis, String wrapUpOutcome,
        long callbackGraceMillis, CallbackFallback callbackFallback) {

    /**
     * The grace a campaign gets unless it sets one: 15 minutes, Cisco's default window around a scheduled callback
     * ({@code callbackTimeLimit}); after it the callback becomes a campaign callback for any agent, as Genesys
     * treats a callback its agent cannot take.
     */
    public static final long DEFAULT_CALLBACK_GRACE_MILLIS = 900_000L;
    /** No timers on offers or wrap-up; the default callback grace. */
    public static final AgentRules NONE = new AgentRules(0, 0, 0);
    /** The longest preview timeout or wrap-up limit: an hour. */
    public static final long MAX_MILLIS = 3_600_000L;
    /** The shortest non-zero timer: a person needs a few seconds to read a record. */
    public static final long MIN_MILLIS = 5_000L;
    /** The most offers in a row that may be missed before a pause. */
    public static final int MAX_MISSED_OFFERS = 100;
    /** The longest a personal callback may wait for its owner: a week. */
    public static final long MAX_CALLBACK_GRACE_MILLIS = 7 * 24 * 3_600_000L;

    /** Validates every field; the exception names the first field that is wrong. */
    public AgentRules {
        requireTimer("previewTimeoutMillis", previewTimeoutMillis);
        requireTimer("wrapUpLimitMillis", wrapUpLimitMillis);
        if (maxMissedOffers < 0 || maxMissedOffers > MAX_MISSED_OFFERS) {
            throw new CampaignConfig.InvalidSettingException("maxMissedOffers", "must be within 0..100, was " + maxMissedOffers);
        }
        if (wrapUpOutcome != null && wrapUpOutcome.isBlank()) {
            wrapUpOutcome = null;
        }
        if (wrapUpOutcome != null && wrapUpLimitMillis == 0) {
            throw new CampaignConfig.InvalidSettingException("wrapUpOutcome", "needs a wrapUpLimitMillis: the outcome is recorded when the limit passes");
        }
        if (callbackGraceMillis < 0 || callbackGraceMillis > MAX_CALLBACK_GRACE_MILLIS) {
            throw new CampaignConfig.InvalidSettingException("callbackGraceMillis",
                    "must be 0 (wait for the owner) or within 1..604800000 (a week), was " + callbackGraceMillis);
        }
        if (callbackFallback == null) {
            callbackFallback = CallbackFallback.ANY;
        }
    }

    /** Timers only: no automatic outcome, the default callback grace and fallback. */
    public AgentRules(long previewTimeoutMillis, int maxMissedOffers, long wrapUpLimitMillis) {
        this(previewTimeoutMillis, maxMissedOffers, wrapUpLimitMillis, null, DEFAULT_CALLBACK_GRACE_MILLIS, CallbackFallback.ANY);
    }

    private static void requireTimer(String field, long millis) {
        if (millis != 0 && (millis < MIN_MILLIS || millis > MAX_MILLIS)) {
            throw new CampaignConfig.InvalidSettingException(field, "must be 0 (off) or within 5000..3600000, was " + millis);
        }
    }
}
