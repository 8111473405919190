package io.pacer.store.db;

/** A database failure, unchecked so repository callers are not forced to handle JDBC details. */
public final class StorageException extends RuntimeException {

    /** Wraps the cause with what was being done. */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
