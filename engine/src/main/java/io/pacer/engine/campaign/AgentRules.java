package io.pacer.engine.campaign;

/**
 * A campaign's timers on its agents: how long a preview offer waits for an answer, how many offers in a row an
 * agent may let time out before it is paused, and how long wrap-up may last before the agent is made ready
 * again. Zero switches a timer off. Kept apart from {@link CampaignConfig} because they govern agents, not
 * dialing, and change without touching the pacing.
 *
 * @param previewTimeoutMillis an open preview offer goes back to the list after this; 0: it waits for ever
 * @param maxMissedOffers      an agent who lets this many offers in a row time out is paused with
 *                             {@link io.pacer.engine.agent.PauseReasons#MISSED_OFFERS}; 0: never
 * @param wrapUpLimitMillis    an agent still in wrap-up after this is made ready; 0: wrap-up lasts until the
 *                             agent ends it
 */
public record AgentRules(long previewTimeoutMillis, int maxMissedOffers, long wrapUpLimitMillis) {

    /** No timers: offers and wrap-up wait for the agent. */
    public static final AgentRules NONE = new AgentRules(0, 0, 0);
    /** The longest preview timeout or wrap-up limit: an hour. */
    public static final long MAX_MILLIS = 3_600_000L;
    /** The shortest non-zero timer: a person needs a few seconds to read a record. */
    public static final long MIN_MILLIS = 5_000L;
    /** The most offers in a row that may be missed before a pause. */
    public static final int MAX_MISSED_OFFERS = 100;

    /** Validates every field; the exception names the first field that is wrong. */
    public AgentRules {
        requireTimer("previewTimeoutMillis", previewTimeoutMillis);
        requireTimer("wrapUpLimitMillis", wrapUpLimitMillis);
        if (maxMissedOffers < 0 || maxMissedOffers > MAX_MISSED_OFFERS) {
            throw new CampaignConfig.InvalidSettingException("maxMissedOffers", "must be within 0..100, was " + maxMissedOffers);
        }
    }

    private static void requireTimer(String field, long millis) {
        if (millis != 0 && (millis < MIN_MILLIS || millis > MAX_MILLIS)) {
            throw new CampaignConfig.InvalidSettingException(field, "must be 0 (off) or within 5000..3600000, was " + millis);
        }
    }
}
