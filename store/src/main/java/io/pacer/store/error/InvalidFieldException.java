package io.pacer.store.error;

/**
 * A request that cannot be carried out because one field is wrong; nothing was changed. The API answers it
 * with a 4xx whose JSON body names {@link #field()} and {@link #problem()}.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String problem;
    private final int status;

    /** A 400: the field's value is invalid. */
    public InvalidFieldException(String field, String problem) {
        this(400, field, problem);
    }

    /** A problem with another status: 404 (the thing named by the field does not exist), 409 (state forbids it). */
    public InvalidFieldException(int status, String field, String problem) {
        super(field + ": " + problem);
        this.status = status;
        this.field = field;
        this.problem = problem;
    }

    /** A 404 for a missing entity named by a path or body field. */
    public static InvalidFieldException notFound(String field, Object value) {
        return new InvalidFieldException(404, field, "no such " + field + ": " + value);
    }

    /** A 409: the entity exists but its state forbids the change. */
    public static InvalidFieldException conflict(String field, String problem) {
        return new InvalidFieldException(409, field, problem);
    }

    /** The request field at fault, as named in the API (e.g. {@code ringTimeoutMillis}). */
    public String field() {
        return field;
    }

    /** What is wrong with it, for a person. */
    public String problem() {
        return problem;
    }

    /** The HTTP status the API answers with. */
    public int status() {
        return status;
    }
}
