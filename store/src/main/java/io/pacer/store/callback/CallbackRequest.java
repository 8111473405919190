package io.pacer.store.callback;

/**
 * What an agent asks for with "call again".
 *
 * @param dueMillis    when (epoch ms); a time in the past is refused
 * @param number       another number to call (any format the campaign's region parses), or {@code null}
 * @param personal     to the recording agent only, or to any agent of the campaign
 * @param ownerGroupId a group that owns the task instead of the agent, or -1
 * @param alarmMillis  reminder time, or -1
 */
public record CallbackRequest(long dueMillis, String number, boolean personal, long ownerGroupId, long alarmMillis) {
}
