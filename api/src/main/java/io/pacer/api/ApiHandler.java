package io.pacer.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.error.NotPermittedException;
import io.pacer.store.error.RefusedException;
import io.pacer.store.user.User;
import io.pacer.store.user.UserRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Translates HTTP requests into route calls and their results into HTTP responses, nothing else: the
 * database work runs on a blocking executor, the event loop only reads and writes. Every failure becomes a
 * JSON body {@code {"error": {"field": ..., "problem": ...}}} with a 4xx (5xx only for faults of ours).
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final List<Route> routes;
    private final UserRepository users;
    private final ExecutorService blocking;
    private final EventStreams streams;

    ApiHandler(List<Route> routes, UserRepository users, ExecutorService blocking, EventStreams streams) {
        this.routes = routes;
        this.users = users;
        this.blocking = blocking;
        this.streams = streams;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        QueryStringDecoder decoder = new QueryStringDecoder(http.uri());
        String method = http.method().name();
        String path = decoder.path();
        Map<String, List<String>> query = decoder.parameters();
        byte[] body = ByteBufUtil.getBytes(http.content());
        String authorization = http.headers().get(HttpHeaderNames.AUTHORIZATION);
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        try {
            blocking.execute(() -> handle(ctx, method, path, query, body, authorization, keepAlive));
        } catch (RejectedExecutionException e) {
            send(ctx, error(503, "server", "shutting down"), false);
        }
    }

    private void handle(ChannelHandlerContext ctx, String method, String path, Map<String, List<String>> query, byte[] body,
            String authorization, boolean keepAlive) {
        FullHttpResponse response;
        try {
            Route route = null;
            Map<String, String> params = null;
            boolean pathKnown = false;
            for (Route r : routes) {
                Map<String, String> m = r.match(path);
                if (m != null) {
                    pathKnown = true;
                    if (r.method().equals(method)) {
                        route = r;
                        params = m;
                        break;
                    }
                }
            }
            if (route == null) {
                response = pathKnown ? error(405, "method", method + " is not allowed here")
                        : error(404, "path", "no such endpoint: " + path);
            } else {
                User user = null;
                if (route.minRole() != null) {
                    Optional<User> found = authenticate(authorization);
                    if (found.isEmpty()) {
                        send(ctx, error(401, "Authorization", "a valid bearer token is required"), keepAlive);
                        return;
                    }
                    user = found.get();
                    if (!route.allows(user.role())) {
                        send(ctx, error(403, "role", user.role() + " may not " + method + " " + route.pattern()), keepAlive);
                        return;
                    }
                }
                ApiRequest request = new ApiRequest(user, method, path, params, query, body);
                ApiResponse result = route.handler().handle(request);
                if (result.body() instanceof EventStreams.Stream stream) {
                    streams.open(ctx, stream);
                    return;
                }
                response = toHttp(result);
            }
        } catch (RefusedException e) {
            response = error(statusOf(e), e.field(), e.problem());
        } catch (Exception e) {
            response = error(500, "server", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        send(ctx, response, keepAlive);
    }

    /** The one place a refusal becomes an HTTP status; storage and the services know nothing of HTTP. */
    static int statusOf(RefusedException refusal) {
        if (refusal instanceof NotFoundException) {
            return 404;
        }
        if (refusal instanceof ConflictException) {
            return 409;
        }
        if (refusal instanceof NotPermittedException) {
            return 403;
        }
        return 400;
    }

    private Optional<User> authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return users.byToken(authorization.substring("Bearer ".length()).trim());
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

    static FullHttpResponse error(int status, String field, String problem) {
        ObjectNode root = JsonBody.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("field", field);
        error.put("problem", problem);
        ByteBuf content = Unpooled.wrappedBuffer(root.toString().getBytes(StandardCharsets.UTF_8));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        return response;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
