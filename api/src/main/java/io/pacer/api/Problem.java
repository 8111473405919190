package io.pacer.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.error.NotPermittedException;
import io.pacer.store.error.RefusedException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An RFC 9457 problem: every refusal of the API is an {@code application/problem+json} body with a stable
 * {@code code} a client can switch on (also the last segment of {@code type}), a {@code detail} for a person,
 * and {@code errors} listing every field at fault with its own code. The member {@code error} repeats the first
 * field at fault in the shape of API version 1.0, so clients written against it keep working.
 *
 * @param status HTTP status
 * @param code   stable machine-readable code, such as {@code invalid_field} or {@code unknown_parameter}
 * @param title  short summary of the kind of problem
 * @param errors every field at fault (at least one: the request as a whole is the field {@code request})
 */
public record Problem(int status, String code, String title, List<FieldError> errors) {

    /** The media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Where the codes are documented; {@code type} is this followed by the code. */
    public static final String TYPE_BASE = "https://pacer.io/problems/";

    /**
     * One field at fault.
     *
     * @param field  the request field, parameter or header, as the API names it
     * @param code   stable code of what is wrong with it
     * @param detail what is wrong, for a person
     */
    public record FieldError(String field, String code, String detail) {
    }

    /** A problem with one field. */
    public static Problem of(int status, String code, String title, String field, String detail) {
        return new Problem(status, code, title, List.of(new FieldError(field, code, detail)));
    }

    /** The problem a storage or service refusal stands for; the one place such a refusal gets a status. */
    public static Problem of(RefusedException refusal) {
        if (refusal instanceof NotFoundException) {
            return of(404, "not_found", "Not found", refusal.field(), refusal.problem());
        }
        if (refusal instanceof ConflictException) {
            return of(409, "conflict", "Conflict with the current state", refusal.field(), refusal.problem());
        }
        if (refusal instanceof NotPermittedException) {
            return of(403, "not_permitted", "Not permitted", refusal.field(), refusal.problem());
        }
        return of(400, "invalid_field", "Invalid request", refusal.field(), refusal.problem());
    }

    /** The problem as an HTTP response. */
    public FullHttpResponse toHttp() {
        ObjectNode root = JsonBody.MAPPER.createObjectNode();
        root.put("type", TYPE_BASE + code);
        root.put("title", title);
        root.put("status", status);
        root.put("detail", errors.get(0).field() + ": " + errors.get(0).detail());
        root.put("code", code);
        ArrayNode list = root.putArray("errors");
        for (FieldError e : errors) {
            list.addObject().put("field", e.field()).put("code", e.code()).put("detail", e.detail());
        }
        root.putObject("error").put("field", errors.get(0).field()).put("problem", errors.get(0).detail());
        byte[] bytes = root.toString().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }

    /** A refusal raised by the HTTP layer itself (parameters, content types, limits), carrying its problem. */
    public static final class Refusal extends RuntimeException {
        private final transient Problem problem;

        /** A refusal of the request with a problem. */
        public Refusal(Problem problem) {
            super(problem.code() + ": " + problem.errors().get(0).detail(), null, false, false);
            this.problem = problem;
        }

        /** What to answer. */
        public Problem problem() {
            return problem;
        }
    }
}
