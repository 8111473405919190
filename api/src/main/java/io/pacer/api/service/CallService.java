package io.pacer.api.service;

import io.pacer.engine.control.EngineControl;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.store.Storage;
import io.pacer.store.callback.Callback;
import io.pacer.store.callback.CallbackEdit;
import io.pacer.store.callback.CallbackRequest;
import io.pacer.store.error.NotPermittedException;
import io.pacer.store.contact.Contact;
import io.pacer.store.journal.Activity;
import io.pacer.store.journal.OutcomeRecorder.PreviewDecision;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's calls after the core has handled them: call history, recording an outcome, answering a preview,
 * callbacks and their alarms. Agents see only their own calls; supervisors see every agent's.
 */
public final class CallService {

    /** How long recording an outcome waits for the core and the journal to catch up with the call's end. */
    private static final long JOURNAL_WAIT_MILLIS = 2000;

    private final Storage storage;
    private final EngineControl engine;

    /** Call workflows over storage and the core's command surface. */
    public CallService(Storage storage, EngineControl engine) {
        this.storage = storage;
        this.engine = engine;
    }

    /**
     * Calls of a campaign (0: all), only the caller's own when the caller is an agent, newest first: at most
     * {@code limit} with ids below {@code beforeId} (-1: from the newest), changed since {@code updatedSinceMillis}
     * (-1: any time), skipping {@code offset}.
     */
    public List<Activity> calls(User caller, long campaignId, long updatedSinceMillis, long beforeId, int limit, int offset) {
        long agentId = caller.role() == Role.AGENT ? caller.id() : -1;
        return storage.activities().calls(campaignId, agentId, updatedSinceMillis, beforeId, limit, offset);
    }

    /** Records the agent's outcome of a call, with a callback when the outcome is CALL_AGAIN. */
    public Activity recordOutcome(User agent, long callId, String outcome, String note, CallbackRequest callback) {
        if (callback != null && callback.ownerGroupId() >= 0 && agent.role() == Role.AGENT
                && !storage.users().isMember(callback.ownerGroupId(), agent.id())) {
            // An agent hands a callback to its own team, not to a group it cannot see into.
            throw new NotPermittedException("callback.ownerGroupId", "you are not a member of group " + callback.ownerGroupId());
        }
        // The agent may be faster than the core and the journal: let the core handle the call's end (it may
        // still be in the ring), then let the call's record reach the database.
        engine.awaitEventsHandled(JOURNAL_WAIT_MILLIS);
        storage.journal().flush(JOURNAL_WAIT_MILLIS);
        return storage.outcomes().record(agent, callId, outcome, note, callback, storage.clock().epochMillis());
    }

    /** Stores the agent's answer to a preview, then tells the core, which then dials or skips the contact. */
    public Contact answerPreview(User agent, long campaignId, long contactId, PreviewDecision decision, long dueMillis) {
        Contact contact = storage.outcomes().preview(agent, campaignId, contactId, decision, dueMillis,
                storage.clock().epochMillis());
        engine.previewAnswered((int) agent.id(), contact.id(),
                decision == PreviewDecision.DO_NOT_CALL ? PreviewAnswer.DO_NOT_CALL : PreviewAnswer.SKIP);
        return contact;
    }

    /**
     * Callbacks the caller may see, filtered ({@code updatedSinceMillis} -1: whenever changed; {@code subjectSearch}
     * {@code null}: any subject), by due time then priority.
     */
    public List<Callback> callbacks(User caller, boolean own, boolean groups, boolean open, long campaignId,
            long updatedSinceMillis, String subjectSearch) {
        return storage.callbacks().list(caller, own, groups, open, campaignId, updatedSinceMillis, subjectSearch);
    }

    /** Changes an open callback task (time, priority, subject, note; its owner by a supervisor or to one's team). */
    public Callback editCallback(User caller, long callbackId, CallbackEdit edit) {
        return storage.callbacks().edit(caller, callbackId, edit, storage.clock().epochMillis());
    }

    /** Marks a callback done. */
    public Callback markCallbackDone(User caller, long callbackId) {
        return storage.callbacks().markDone(caller, callbackId);
    }

    /**
     * The caller's reminders that are due: open callbacks owned by the caller or one of the caller's groups
     * whose alarm time has passed. They stay due until the callback is connected or marked done, so a desktop
     * that was closed at the alarm time still shows them.
     */
    public List<Callback> dueAlarms(User caller) {
        long nowMillis = storage.clock().epochMillis();
        List<Callback> due = new ArrayList<>();
        for (Callback c : storage.callbacks().list(caller, true, true, true, 0, -1)) {
            if (c.alarmMillis() >= 0 && c.alarmMillis() <= nowMillis) {
                due.add(c);
            }
        }
        return due;
    }
}
