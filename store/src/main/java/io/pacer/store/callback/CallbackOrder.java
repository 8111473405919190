package io.pacer.store.callback;

/**
 * A callback that an integration asks for: call this contact at this time, for this agent or group.
 *
 * @param dueMillis    when to call (epoch ms); must be in the future
 * @param number       another number to call (any format the campaign's region reads), or {@code null}
 * @param ownerUserId  the agent to dial it to (a personal callback), or -1
 * @param ownerGroupId the group that owns it (any of its agents), or -1
 * @param alarmMillis  when to remind the owner (epoch ms, not after {@code dueMillis}), or -1
 * @param note         free text shown with the task
 */
public record CallbackOrder(long dueMillis, String number, long ownerUserId, long ownerGroupId, long alarmMillis, String note) {
}
