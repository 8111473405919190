package io.pacer.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.pacer.store.error.RefusedException;
import io.pacer.store.user.User;
import io.pacer.store.user.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Translates HTTP requests into route calls and their results into HTTP responses, nothing else: the
 * database work runs on a blocking executor, the event loop only reads and writes. Every failure becomes an
 * RFC 9457 {@link Problem} with a 4xx (500 only for faults of ours, which never show their internals). Before a
 * route runs, the request is held to what {@code docs/openapi.json} documents of it ({@link RouteContract}).
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final String BEARER = "bearer ";

    private final List<Route> routes;
    private final RouteContract contract;
    private final UserRepository users;
    private final ExecutorService blocking;
    private final EventStreams streams;
    private final Cors cors;
    private final Idempotency idempotency;
    private final EntityTags tags = new EntityTags();

    /** What the blocking executor needs of one request, read off the Netty message on the event loop. */
    private record Call(String method, String path, Map<String, List<String>> query, byte[] body, String contentType,
            String authorization, String ifMatch, String idempotencyKey, String origin) {
    }

    ApiHandler(List<Route> routes, RouteContract contract, UserRepository users, ExecutorService blocking,
            EventStreams streams, Cors cors, Idempotency idempotency) {
        this.routes = routes;
        this.contract = contract;
        this.users = users;
        this.blocking = blocking;
        this.streams = streams;
        this.cors = cors;
        this.idempotency = idempotency;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        if (http.decoderResult().isFailure()) {
            send(ctx, malformed(http.decoderResult().cause()).toHttp(), false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        String origin = http.headers().get(HttpHeaderNames.ORIGIN);
        if (Cors.isPreflight(http.method().name(), http.headers())) {
            // A browser asks before a cross-origin request; it sends no token, so this is answered before any route.
            send(ctx, cors.preflight(origin), keepAlive);
            return;
        }
        QueryStringDecoder decoder = new QueryStringDecoder(http.uri());
        Call call = new Call(http.method().name(), decoder.path(), decoder.parameters(), ByteBufUtil.getBytes(http.content()),
                http.headers().get(HttpHeaderNames.CONTENT_TYPE), http.headers().get(HttpHeaderNames.AUTHORIZATION),
                http.headers().get(HttpHeaderNames.IF_MATCH), http.headers().get(Idempotency.HEADER), origin);
        try {
            blocking.execute(() -> handle(ctx, call, keepAlive));
        } catch (RejectedExecutionException e) {
            send(ctx, Problem.of(503, "shutting_down", "Shutting down", "server", "the server is shutting down").toHttp(), false);
        }
    }

    /** A request Netty could not decode: a line or header block over its limit, or broken HTTP. */
    static Problem malformed(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return Problem.of(414, "uri_too_long", "URI too long", "uri",
                    "the request line is over " + ApiServer.MAX_LINE_BYTES + " bytes");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Problem.of(431, "headers_too_large", "Request header fields too large", "headers",
                    "the headers are over " + ApiServer.MAX_HEADER_BYTES + " bytes in all");
        }
        if (cause instanceof TooLongFrameException) {
            return Problem.of(431, "headers_too_large", "Request header fields too large", "headers", "a header is too long");
        }
        return Problem.of(400, "malformed_request", "Malformed HTTP request", "request", "the request is not valid HTTP/1.1");
    }

    private void handle(ChannelHandlerContext ctx, Call call, boolean keepAlive) {
        FullHttpResponse response;
        try {
            Rendered result = dispatch(call);
            if (result.stream() != null) {
                streams.open(ctx, result.stream());
                return;
            }
            response = toHttp(result);
        } catch (Problem.Refusal e) {
            response = e.problem().toHttp();
        } catch (RefusedException e) {
            response = Problem.of(e).toHttp();
        } catch (Exception e) {
            // The client learns that it was our fault, never our internals (class names, SQL, paths).
            LOG.log(System.Logger.Level.ERROR, "failed: " + call.method() + " " + call.path(), e);
            response = Problem.of(500, "internal", "Internal error", "server",
                    "the server failed to handle the request; nothing was changed unless its transaction had committed").toHttp();
        }
        cors.decorate(response.headers(), call.origin());
        send(ctx, response, keepAlive);
    }

    private Rendered dispatch(Call call) throws Exception {
        Route route = null;
        Map<String, String> params = null;
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> m = r.match(call.path());
            if (m != null) {
                pathKnown = true;
                if (r.method().equals(call.method())) {
                    route = r;
                    params = m;
                    break;
                }
            }
        }
        if (route == null) {
            throw new Problem.Refusal(pathKnown
                    ? Problem.of(405, "method_not_allowed", "Method not allowed", "method", call.method() + " is not allowed here")
                    : Problem.of(404, "no_such_endpoint", "No such endpoint", "path", "no such endpoint: " + call.path()));
        }
        User user = authorize(route, call);
        checkContract(route, call);
        ApiRequest request = new ApiRequest(user, call.method(), call.path(), params, call.query(), call.body());
        if (call.ifMatch() == null || call.method().equals("GET") || call.method().equals("POST")) {
            return run(route, request, call);
        }
        // The check and the edit hold one lock, so that two edits through this server cannot both pass one tag.
        ReentrantLock lock = tags.lockFor(call.path());
        lock.lock();
        try {
            checkIfMatch(route, request, call.ifMatch());
            return run(route, request, call);
        } finally {
            lock.unlock();
        }
    }

    private Rendered run(Route route, ApiRequest request, Call call) throws Exception {
        if (call.method().equals("POST") && call.idempotencyKey() != null && request.user() != null) {
            return idempotency.around(request.user().id(), call.idempotencyKey().trim(), request,
                    () -> Rendered.of(route.handler().handle(request), call.method(), call.path()));
        }
        return Rendered.of(route.handler().handle(request), call.method(), call.path());
    }

    /**
     * Refuses an edit whose {@code If-Match} is not the tag of the thing as its {@code GET} answers now (412); a thing
     * without a {@code GET} has no tag to match (400).
     */
    private void checkIfMatch(Route edit, ApiRequest request, String ifMatch) throws Exception {
        Route read = null;
        for (Route r : routes) {
            if (r.method().equals("GET") && r.pattern().equals(edit.pattern()) && r.allows(request.user().role())) {
                read = r;
            }
        }
        if (read == null) {
            throw new Problem.Refusal(Problem.of(400, "invalid_field", "Invalid request", "If-Match",
                    "this endpoint has no representation to match; send the request without If-Match"));
        }
        Rendered current = Rendered.of(read.handler().handle(new ApiRequest(request.user(), "GET", request.path(),
                request.pathParams(), Map.of(), new byte[0])), "GET", request.path());
        String tag = current.headers().get("ETag");
        if (tag == null || !EntityTags.matches(ifMatch, tag)) {
            throw new Problem.Refusal(Problem.of(412, "precondition_failed", "Precondition failed", "If-Match",
                    "the resource changed since it was read (its ETag is now " + tag + "); read it again and reapply the change"));
        }
    }

    private User authorize(Route route, Call call) {
        if (route.minRole() == null) {
            return null;
        }
        Optional<User> found = authenticate(call.authorization());
        if (found.isEmpty()) {
            throw new Problem.Refusal(Problem.of(401, "unauthenticated", "Unauthenticated", "Authorization",
                    "a valid bearer token is required"));
        }
        User user = found.get();
        if (!route.allows(user.role())) {
            throw new Problem.Refusal(Problem.of(403, "forbidden", "Forbidden", "role",
                    user.role() + " may not " + call.method() + " " + route.pattern()));
        }
        return user;
    }

    /** Refuses query parameters and body media types the document does not list for the route. */
    private void checkContract(Route route, Call call) {
        RouteContract.Operation op = contract.operation(route);
        if (op == null) {
            return;
        }
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : call.query().entrySet()) {
            String name = parameter.getKey();
            if (!op.query().contains(name)) {
                unknown.add(new Problem.FieldError(name, "unknown_parameter", "unknown query parameter; known are "
                        + (op.query().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(op.query())))));
            } else if (parameter.getValue().size() > 1 && !op.repeatable().contains(name)) {
                // Two values for one setting: neither may silently win.
                unknown.add(new Problem.FieldError(name, "repeated_parameter", "given more than once; give it once"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new Problem.Refusal(new Problem(400, "unknown_parameter", "Unknown query parameter", unknown));
        }
        if (call.body().length == 0) {
            return;
        }
        if (op.mediaTypes().isEmpty()) {
            throw new Problem.Refusal(Problem.of(400, "unexpected_body", "Unexpected body", "body", "this endpoint takes no body"));
        }
        String type = call.contentType() == null ? "" : call.contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!op.mediaTypes().contains(type)) {
            throw new Problem.Refusal(Problem.of(415, "unsupported_media_type", "Unsupported media type", "Content-Type",
                    (type.isEmpty() ? "missing" : type + " is not accepted") + "; send " + String.join(" or ", op.mediaTypes())));
        }
    }

    private Optional<User> authenticate(String authorization) {
        // RFC 9110: the scheme is case-insensitive; a client may well send "bearer".
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : users.byToken(token);
    }

    private static FullHttpResponse toHttp(Rendered result) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(result.status()), Unpooled.wrappedBuffer(result.body()));
        if (result.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, result.contentType());
        }
        result.headers().forEach((name, value) -> response.headers().set(name, value));
        return response;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
