package io.pacer.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route's answer: a status, a body that is serialised as JSON (or sent as is when it is a {@code String} with a
 * content type), and headers of its own ({@code Location}, the paging headers).
 *
 * @param status      HTTP status
 * @param body        object to serialise, or text
 * @param contentType content type of a text body, or {@code null} for JSON
 * @param headers     headers to send with it (name to value)
 */
public record ApiResponse(int status, Object body, String contentType, Map<String, String> headers) {

    /** An answer without headers of its own. */
    public ApiResponse(int status, Object body, String contentType) {
        this(status, body, contentType, Map.of());
    }

    /** 200 with a JSON body. */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, null);
    }

    /** 201 with the created thing as JSON; its {@code Location} is the request's path followed by its id. */
    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, null);
    }

    /** 201 with the created thing as JSON, found at {@code location}. */
    public static ApiResponse created(Object body, String location) {
        return new ApiResponse(201, body, null).withHeader("Location", location);
    }

    /** 204, nothing to say. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null);
    }

    /** 200 with a text body of a content type. */
    public static ApiResponse text(String body, String contentType) {
        return new ApiResponse(200, body, contentType);
    }

    /** The same answer with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, contentType, Map.copyOf(more));
    }
}
