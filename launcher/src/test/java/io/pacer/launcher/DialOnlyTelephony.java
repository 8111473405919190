package io.pacer.launcher;

import io.pacer.engine.port.Telephony;

/**
 * A stand-in carrier for tests that only care what happens to dials: every other command of the core (cancel,
 * bridge, hang up, abandon, preview offer) is accepted and ignored. Subclasses say what a dial does.
 */
public abstract class DialOnlyTelephony implements Telephony {

    @Override
    public void cancel(long callId) {
    }

    @Override
    public void bridge(long callId, int agentId) {
    }

    @Override
    public void hangUp(long callId) {
    }

    @Override
    public void abandon(long callId) {
    }

    @Override
    public void offerPreview(int agentId, long contactId, String number) {
    }
}
