package io.pacer.engine.port;

/**
 * Where finished calls go: the persistence journal (batched writes on its own thread) or the simulator's
 * statistics. Called on the core's thread; must not block.
 */
public interface CallJournal {

    /** Records a finished call. {@code record} is reused after the call returns. */
    void record(CallRecord record);

    /**
     * Records that a live call was placed (its INVITE sent), before its finished record. Storage keeps this so a
     * crash books an interrupted attempt only for calls that were placed; journals that keep no contacts ignore it.
     */
    default void placed(long callId, long campaignId, long contactId) {
    }

    /**
     * The agent's wrap-up after {@code callId} ran to the campaign's limit, on a campaign that records an outcome
     * then ({@link io.pacer.engine.campaign.AgentRules#wrapUpOutcome()}): storage records that outcome for the call
     * unless the agent recorded one. Queued behind the call's own record; journals that keep no outcomes ignore it.
     */
    default void wrapUpExpired(long callId, long campaignId, int agentId) {
    }

    /** A journal that drops everything. */
    CallJournal NONE = r -> { };
}
