package io.pacer.engine.port;

/**
 * Where finished calls go: the persistence journal (batched writes on its own thread) or the simulator's
 * statistics. Called on the core's thread; must not block.
 */
public interface CallJournal {

    /** Records a finished call. {@code record} is reused after the call returns. */
    void record(CallRecord record);

    /** A journal that drops everything. */
    CallJournal NONE = r -> { };
}
