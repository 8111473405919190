package io.pacer.store.callback;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.SubjectTemplate;
import io.pacer.store.error.InvalidFieldException;

/**
 * The rules a callback task's priority and subject follow, wherever a task is made or changed: a priority within
 * {@link #MIN_PRIORITY}..{@link #MAX_PRIORITY}, and a subject rendered from the campaign's subject template (call
 * type "Callback", the due time in the campaign's zone and clock) when none is given, like an activity's.
 */
public final class CallbackTasks {

    /** The call type a callback's subject is rendered with. */
    public static final String CALL_TYPE = "Callback";
    /** The lowest priority. */
    public static final int MIN_PRIORITY = -100;
    /** The highest priority. */
    public static final int MAX_PRIORITY = 100;
    /** The longest subject. */
    public static final int MAX_SUBJECT = 500;

    private CallbackTasks() {
    }

    /** The priority, or refused naming {@code field}. */
    public static int priority(int priority, String field) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new InvalidFieldException(field, "must be within -100..100 (0: normal), was " + priority);
        }
        return priority;
    }

    /** The subject given, or the template's for a callback due at {@code dueMillis}; refused naming {@code field}. */
    public static String subject(Campaign campaign, String given, long dueMillis, String field) {
        if (given == null || given.isBlank()) {
            return SubjectTemplate.render(campaign, CALL_TYPE, dueMillis, null, null);
        }
        if (given.length() > MAX_SUBJECT) {
            throw new InvalidFieldException(field, "must be at most 500 characters");
        }
        return given.strip();
    }
}
