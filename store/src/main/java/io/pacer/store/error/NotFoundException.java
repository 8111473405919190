package io.pacer.store.error;

/** The thing a field names (a campaign id, a contact id, an import file) does not exist. */
public final class NotFoundException extends RefusedException {

    /** Nothing exists under {@code value}, the value of {@code field}. */
    public NotFoundException(String field, Object value) {
        super(field, "no such " + field + ": " + value);
    }
}
