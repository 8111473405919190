package io.pacer.store.campaign;

/**
 * When a contact whose call ended with an outcome of a {@link RetryClass} is due again, and how many such
 * attempts it gets before it leaves the list as exhausted.
 *
 * @param delaySeconds how long after the attempt the contact is due again
 * @param maxAttempts  attempts of this class after which the contact is not retried
 */
public record RetryRule(long delaySeconds, int maxAttempts) {

    /** The rule used for a class the campaign does not set. */
    public static final RetryRule DEFAULT = new RetryRule(1800, 3);
}
