package io.pacer.engine.core;

/**
 * An operator command executed on the core's thread, where it may read and change engine state. Commands are
 * rare (API calls), so they are objects; the per-call hot path uses the primitive events.
 */
@FunctionalInterface
public interface EngineCommand {

    /** Runs on the core's thread with exclusive access to the engine state. */
    void execute(EngineCore core);
}
