package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.callback.Callback;
import io.pacer.store.callback.CallbackOrder;
import io.pacer.store.callback.CallbackScheduler;
import io.pacer.store.user.User;

/** Callbacks pushed by an integration onto a contact (agents create theirs with a CALL_AGAIN outcome). */
public final class CallbackService {

    private final Storage storage;
    private final CallbackScheduler scheduler;

    /** Callback workflows over storage. */
    public CallbackService(Storage storage) {
        this.storage = storage;
        this.scheduler = new CallbackScheduler(storage.db());
    }

    /** Schedules a callback on a contact; the hopper dials it at its time, to its owner when it has one. */
    public Callback schedule(User user, long campaignId, long contactId, CallbackOrder order) {
        return scheduler.schedule(campaignId, contactId, order, user.id(), storage.clock().epochMillis());
    }
}
