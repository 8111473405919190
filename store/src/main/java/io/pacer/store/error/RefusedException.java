package io.pacer.store.error;

/**
 * A request storage refuses, having changed nothing; the refusal names the request field at fault so the
 * caller can tell a person what to correct. Each kind of refusal is its own subtype and carries no transport
 * detail: the HTTP API maps the subtype to a status, other callers match on the subtype.
 */
public abstract sealed class RefusedException extends RuntimeException
        permits InvalidFieldException, NotFoundException, ConflictException, NotPermittedException {

    private final String field;
    private final String problem;

    RefusedException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The request field at fault, as the API names it (e.g. {@code ringTimeoutMillis}, {@code campaignId}). */
    public String field() {
        return field;
    }

    /** What is wrong with it, for a person. */
    public String problem() {
        return problem;
    }
}
