package io.pacer.store.error;

/**
 * The caller is known but may not act on what the field names (an agent not responsible for a campaign).
 * Roles per endpoint are the API's own check; this is the rule that depends on stored data.
 */
public final class NotPermittedException extends RefusedException {

    /** The field naming what the caller may not act on, and why. */
    public NotPermittedException(String field, String problem) {
        super(field, problem);
    }
}
