package io.pacer.simulator.scenario;

/** A scenario file that cannot be used; the message names the key and the problem. */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error about {@code key}. */
    public ScenarioException(String key, String problem) {
        super(key + ": " + problem);
    }
}
