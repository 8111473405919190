package io.pacer.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CRM's webhook endpoint on loopback (the JDK's HTTP server): records every POST with its headers, and refuses
 * (503) the first {@code refusals} it gets, as a receiver that is down for a while would.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as received. */
    record Received(String body, String eventId, String type, String timestamp, String signature, int answered) {
    }

    private final HttpServer server;
    private final AtomicInteger refusalsLeft;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(int refusals) throws IOException {
        refusalsLeft = new AtomicInteger(refusals);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            int status = refusalsLeft.getAndDecrement() > 0 ? 503 : 204;
            var h = exchange.getRequestHeaders();
            received.add(new Received(new String(bytes, StandardCharsets.UTF_8), h.getFirst("Pacer-Event-Id"),
                    h.getFirst("Pacer-Event-Type"), h.getFirst("Pacer-Timestamp"), h.getFirst("Pacer-Signature"), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Refuse the next {@code count} POSTs. */
    void refuseNext(int count) {
        refusalsLeft.set(count);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Received> received() {
        return received;
    }

    /** The POSTs it accepted, by event type. */
    List<Received> accepted(String type) {
        return received.stream().filter(r -> r.answered() == 204 && type.equals(r.type())).toList();
    }

    /** Waits until it has accepted an event of each type, or fails naming what never came. */
    void awaitAccepted(long timeoutMillis, String... types) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (java.util.Arrays.stream(types).allMatch(t -> !accepted(t).isEmpty())) {
                return;
            }
            ApiHarness.sleep(20);
        }
        throw new AssertionError("not accepted in time: " + List.of(types) + "; received " + Map.of("all", received));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
