package io.pacer.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Server-sent events: a route answers with a {@link Stream}, and the connection then gets one
 * {@code event: <name>} with a JSON {@code data:} line per period until the client goes away. The snapshot is
 * taken on the blocking executor, the write happens on the channel's event loop.
 */
final class EventStreams {

    /** What a route returns to open a stream: the event name, the period and how to take a snapshot. */
    record Stream(String event, long periodMillis, Supplier<Object> snapshot) {
    }

    private final ExecutorService blocking;

    EventStreams(ExecutorService blocking) {
        this.blocking = blocking;
    }

    void open(ChannelHandlerContext ctx, Stream stream) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream");
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        ctx.writeAndFlush(head);
        ScheduledFuture<?> timer = ctx.executor().scheduleAtFixedRate(() -> {
            if (!ctx.channel().isActive()) {
                return;
            }
            blocking.execute(() -> {
                try {
                    com.fasterxml.jackson.databind.JsonNode tree = JsonBody.MAPPER.valueToTree(stream.snapshot().get());
                    IsoTimes.addTwins(tree);
                    String data = JsonBody.MAPPER.writeValueAsString(tree);
                    String event = "event: " + stream.event() + "\ndata: " + data + "\n\n";
                    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(event, StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    ctx.close();
                }
            });
        }, 0, stream.periodMillis(), TimeUnit.MILLISECONDS);
        ctx.channel().closeFuture().addListener(f -> timer.cancel(false));
    }
}
