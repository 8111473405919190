package io.pacer.store.error;

/** The thing exists, but its state forbids the change (done, locked by another engine, a duplicate name). */
public final class ConflictException extends RefusedException {

    /** The field whose stored state conflicts, and how. */
    public ConflictException(String field, String problem) {
        super(field, problem);
    }
}
