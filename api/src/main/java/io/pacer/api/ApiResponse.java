package io.pacer.api;

/**
 * A route's answer: a status and a body that is serialised as JSON (or sent as is when it is a
 * {@code String} with a content type).
 *
 * @param status      HTTP status
 * @param body        object to serialise, or text
 * @param contentType content type of a text body, or {@code null} for JSON
 */
public record ApiResponse(int status, Object body, String contentType) {

    /** 200 with a JSON body. */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, null);
    }

    /** 201 with the created thing as JSON. */
    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, null);
    }

    /** 204, nothing to say. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null);
    }

    /** 200 with a text body of a content type. */
    public static ApiResponse text(String body, String contentType) {
        return new ApiResponse(200, body, contentType);
    }
}
