package io.pacer.store.callback;

/**
 * What an agent asks for with "call again".
 *
 * @param dueMillis    when (epoch ms); a time in the past is refused
 * @param number       another number to call (any format the campaign's region parses), or {@code null}
 * @param personal     to the recording agent only, or to any agent of the campaign
 * @param ownerGroupId a group that owns the task instead of the agent, or -1
 * @param alarmMillis  reminder time, or -1
 * @param priority     higher first among tasks due at the same time (0: normal; -100..100)
 * @param subject      the task's subject, or {@code null} for the campaign's subject template
 * @param note         the task's note, or {@code null} to copy the call's note into it (the CTI connector's
 *                     "copy the call note into the follow-up")
 */
public record CallbackRequest(long dueMillis, String number, boolean personal, long ownerGroupId, long alarmMillis,
        int priority, String subject, String note) {

    /** A request with normal priority, the template's subject and the call's note. */
    public CallbackRequest(long dueMillis, String number, boolean personal, long ownerGroupId, long alarmMillis) {
        this(dueMillis, number, personal, ownerGroupId, alarmMillis, 0, null, null);
    }
}
