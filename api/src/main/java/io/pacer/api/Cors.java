package io.pacer.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin requests from browsers (a CRM's web page calling Pacer): only the origins configured in
 * {@code pacer run}'s {@code api.corsOrigins} (exact {@code scheme://host[:port]}, or {@code *} for any) get the
 * {@code Access-Control-*} headers, preflights included; any other origin gets none and the browser refuses the
 * answer to its page. With no origin configured, no CORS header is ever sent. Credentials are bearer tokens in a
 * header, never cookies, so {@code Access-Control-Allow-Credentials} is not needed.
 */
public final class Cors {

    /** No origin allowed: the default. */
    public static final Cors NONE = new Cors(List.of());

    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String REQUEST_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key";
    private static final String EXPOSED = "ETag, Location, Link, X-Next-Cursor, X-Total-Count";
    private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    /** Allows these origins ({@code *}: any). */
    public Cors(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** Whether a request from {@code origin} may read the answer. */
    boolean allows(String origin) {
        return origin != null && (origins.contains("*") || origins.contains(origin));
    }

    /** Whether a request is a CORS preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}). */
    static boolean isPreflight(String method, HttpHeaders headers) {
        return method.equals("OPTIONS") && headers.contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    }

    /**
     * The answer to a preflight: 204 with what may be sent when the origin is allowed; 204 without any CORS header
     * otherwise (the browser then refuses the real request itself).
     */
    FullHttpResponse preflight(String origin) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT,
                Unpooled.EMPTY_BUFFER);
        if (allows(origin)) {
            decorate(response.headers(), origin);
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, REQUEST_HEADERS);
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_MAX_AGE_SECONDS);
        }
        return response;
    }

    /** Adds the CORS headers of an answer to a request from {@code origin}, when it is allowed. */
    void decorate(HttpHeaders headers, String origin) {
        if (origins.isEmpty()) {
            return;
        }
        // The answer differs by origin: caches must not hand one origin's answer to another.
        headers.add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
        if (allows(origin)) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        }
    }
}
