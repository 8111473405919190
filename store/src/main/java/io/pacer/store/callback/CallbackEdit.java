package io.pacer.store.callback;

/**
 * A change to an open callback task; what is left out ({@code null}, or -1 for times and owners) stays.
 *
 * @param dueMillis    a new time to call (epoch ms, in the future), or -1
 * @param priority     a new priority (-100..100), or {@code null}
 * @param subject      a new subject, or {@code null}
 * @param note         a new note, or {@code null}
 * @param ownerUserId  hand it to this user as a personal callback (supervisors only), or -1
 * @param ownerGroupId hand it to this team: only its members get the call (supervisors, or an agent to its own
 *                     team), or -1
 */
public record CallbackEdit(long dueMillis, Integer priority, String subject, String note, long ownerUserId,
        long ownerGroupId) {
}
