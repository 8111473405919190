package io.pacer.store.error;

/** A field whose value is invalid whatever is stored (out of range, malformed, missing). */
public final class InvalidFieldException extends RefusedException {

    /** The field and what is wrong with its value. */
    public InvalidFieldException(String field, String problem) {
        super(field, problem);
    }
}
