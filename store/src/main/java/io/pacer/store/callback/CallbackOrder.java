package io.pacer.store.callback;

/**
 * A callback that a supervisor or an integration asks for: call this contact at this time, for this agent or
 * group.
 *
 * @param dueMillis    when to call (epoch ms); must be in the future
 * @param number       another number to call (any format the campaign's region reads), or {@code null}
 * @param ownerUserId  the agent to dial it to (a personal callback), or -1
 * @param ownerGroupId the group that owns it (any of its agents), or -1
 * @param alarmMillis  when to remind the owner (epoch ms, not after {@code dueMillis}), or -1
 * @param note         free text shown with the task
 * @param priority     higher first among tasks due at the same time (0: normal; -100..100)
 * @param subject      the task's subject, or {@code null} for the campaign's subject template
 */
public record CallbackOrder(long dueMillis, String number, long ownerUserId, long ownerGroupId, long alarmMillis, String note,
        int priority, String subject) {

    /** An order with normal priority and the template's subject. */
    public CallbackOrder(long dueMillis, String number, long ownerUserId, long ownerGroupId, long alarmMillis, String note) {
        this(dueMillis, number, ownerUserId, ownerGroupId, alarmMillis, note, 0, null);
    }
}
