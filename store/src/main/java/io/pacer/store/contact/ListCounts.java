package io.pacer.store.contact;

/**
 * How many of a list's contacts are dialable now and, for the others, why not.
 *
 * @param listId     the list, or 0 for the campaign's default list (contacts without a list)
 * @param dialable   due now, inside a number's calling window, not blocked
 * @param hours      due, but no number is inside its calling window now
 * @param lockout    waiting for a retry delay, a treatment step or a callback's time
 * @param doNotCall  closed for do-not-call, or every number blocked
 * @param exhausted  out of attempts
 * @param consent    closed because consent was missing or withdrawn
 * @param inProgress being dialled or waiting for the agent's outcome
 * @param closed     closed for any other reason (done, not interested, archived)
 */
public record ListCounts(long listId, long dialable, long hours, long lockout, long doNotCall, long exhausted,
        long consent, long inProgress, long closed) {
}
