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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

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

    /** What the blocking executor needs of one request, read off the Netty message on the event loop. */
    private record Call(String method, String path, Map<String, List<String>> query, byte[] body, String contentType,
            String authorization) {
    }

    ApiHandler(List<Route> routes, RouteContract contract, UserRepository users, ExecutorService blocking,
            EventStreams streams) {
        this.routes = routes;
        this.contract = contract;
        this.users = users;
        this.blocking = blocking;
        this.streams = streams;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        if (http.decoderResult().isFailure()) {
            send(ctx, malformed(http.decoderResult().cause()).toHttp(), false);
            return;
        }
        QueryStringDecoder decoder = new QueryStringDecoder(http.uri());
        Call call = new Call(http.method().name(), decoder.path(), decoder.parameters(), ByteBufUtil.getBytes(http.content()),
                http.headers().get(HttpHeaderNames.CONTENT_TYPE), http.headers().get(HttpHeaderNames.AUTHORIZATION));
        boolean keepAlive = HttpUtil.isKeepAlive(http);
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
            ApiResponse result = dispatch(call);
            if (result.body() instanceof EventStreams.Stream stream) {
                streams.open(ctx, stream);
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
        send(ctx, response, keepAlive);
    }

    private ApiResponse dispatch(Call call) throws Exception {
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
        return route.handler().handle(new ApiRequest(user, call.method(), call.path(), params, call.query(), call.body()));
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

    private static FullHttpResponse toHttp(ApiResponse result) throws Exception {
        HttpResponseStatus status = HttpResponseStatus.valueOf(result.status());
        if (result.body() == null) {
            return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        }
        byte[] bytes;
        String type;
        if (result.contentType() != null) {
            bytes = ((String) result.body()).getBytes(StandardCharsets.UTF_8);
            type = result.contentType();
        } else {
            bytes = JsonBody.MAPPER.writeValueAsBytes(result.body());
            type = "application/json";
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
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
