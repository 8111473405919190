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

    /** A journal that drops everything. */
    CallJournal NONE = r -> { };
}
