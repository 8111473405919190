package io.pacer.api;

import io.pacer.engine.control.EngineControl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import io.pacer.store.user.Role;
import io.pacer.store.Storage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Storage and the HTTP API on an ephemeral loopback port over one of the test databases, with a bootstrap
 * administrator and a small HTTP client; plus a stand-in for the core that takes contacts from the hopper and
 * records finished calls in the journal, as the real core does. Every reply is checked against
 * {@code docs/openapi.json} ({@link OpenApiContract}): a response the document does not describe fails the test.
 */
public final class ApiHarness implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong CALL_IDS = new AtomicLong(1000);

    final Storage storage;
    final ApiServer server;
    final String adminToken = "admin-token";
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    /** A response: status, parsed JSON body (or the raw text) and headers. */
    public record Reply(int status, JsonNode json, String text, java.net.http.HttpHeaders headers) {
        JsonNode get(String field) {
            return json.get(field);
        }

        /** A header's value, or {@code null}. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public ApiHarness(Supplier<Database> database) throws InterruptedException {
        this(database, EngineControl.NONE);
    }

    public ApiHarness(Supplier<Database> database, EngineControl engine) throws InterruptedException {
        this(database, engine, Cors.NONE);
    }

    /** The API answering browsers of the origins {@code cors} allows. */
    public ApiHarness(Supplier<Database> database, EngineControl engine, Cors cors) throws InterruptedException {
        storage = Storage.over(database.get(), "engine-test", SystemClock.INSTANCE);
        storage.users().ensure("admin", Role.ADMIN, adminToken);
        server = new ApiServer(storage, engine, "127.0.0.1", 0, null, cors);
        port = server.port();
    }

    private ApiHarness(int port) {
        storage = null;
        server = null;
        this.port = port;
    }

    /** Only the HTTP client, for a server started elsewhere (its admin token must be {@code admin-token}). */
    public static ApiHarness client(int port, String adminToken) {
        return new ApiHarness(port);
    }

    public Reply get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public Reply post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    public Reply postCsv(String path, String token, String csv) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), token);
    }

    public Reply patch(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), token);
    }

    public Reply delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    /** Any request: a method, a body of a content type ({@code null}: none) and a token. */
    public Reply request(String method, String path, String token, String contentType, String body) {
        return request(method, path, token, contentType, body, new String[0]);
    }

    /** A request with a binary body (an uploaded recording). */
    public Reply requestBytes(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        builder.header("Content-Type", contentType);
        return send(builder, token);
    }

    /** Any request with extra headers given as name, value, name, value... */
    public Reply request(String method, String path, String token, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, token);
    }

    /**
     * A request sent as is and not checked against the document: for what the document cannot describe (a CORS
     * preflight, which no route answers).
     */
    public HttpResponse<String> unchecked(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line) over a plain socket, and nothing
     * more: for requests an HTTP client will not send (a 20 KB header) or whose body the server must refuse
     * unread (70 MiB announced). The reply is checked against the document like any other.
     */
    public Reply raw(String method, String path, String head) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            String status = line(in);
            String type = null;
            int length = 0;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                String name = h.substring(0, h.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT);
                String value = h.substring(h.indexOf(':') + 1).trim();
                type = name.equals("content-type") ? value : type;
                length = name.equals("content-length") ? Integer.parseInt(value) : length;
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            String body = new String(bytes, StandardCharsets.UTF_8);
            int code = Integer.parseInt(status.split(" ")[1]);
            OpenApiContract.check(method, path, code, type, body);
            return new Reply(code, body.isEmpty() ? null : JSON.readTree(body), body,
                    java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String line(java.io.DataInputStream in) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed after: " + out);
            }
            if (b != '\r') {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    /** Creates a user through the API and returns its token. */
    public JsonNode user(String name, String role) {
        Reply r = post("/api/v1/users", adminToken, "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        if (r.status() != 201) {
            throw new AssertionError(r.text());
        }
        return r.json();
    }

    /** Creates a campaign through the API with extra JSON fields and returns its id. */
    public long campaign(String extraFields) {
        Reply r = post("/api/v1/campaigns", adminToken, "{\"name\":\"Spring offer\",\"status\":\"ENABLED\",\"timeZone\":\"UTC\","
                + "\"windowStartMinute\":0,\"windowEndMinute\":1440" + (extraFields.isEmpty() ? "" : "," + extraFields) + "}");
        if (r.status() != 201) {
            throw new AssertionError(r.text());
        }
        return r.get("id").asLong();
    }

    /** Imports CSV text in a mode with a phone column "phone" and a name column "name". */
    public Reply importCsv(long campaignId, String mode, String csv, String extraQuery) {
        return postCsv("/api/v1/campaigns/" + campaignId + "/imports?mode=" + mode + "&phone=phone&name=name" + extraQuery,
                adminToken, csv);
    }

    /** Plays the core: waits for the hopper to hand out a contact of the campaign. */
    public ContactSlot takeFromHopper(long campaignId) {
        ContactSlot slot = new ContactSlot();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (storage.hopper().next((int) campaignId, System.currentTimeMillis(), slot)) {
                return slot;
            }
            sleep(20);
        }
        throw new AssertionError("hopper handed out nothing for campaign " + campaignId);
    }

    /** Plays the core: a finished call to a contact, recorded in the journal and committed; returns the call id. */
    public long finishCall(long campaignId, ContactSlot slot, int agentId, CallOutcome outcome) {
        CallRecord r = new CallRecord();
        r.callId = CALL_IDS.incrementAndGet();
        r.campaignId = (int) campaignId;
        r.contactId = slot.contactId;
        r.number = slot.number;
        r.agentId = agentId;
        r.outcome = outcome;
        r.startEpochMillis = System.currentTimeMillis() - 60_000;
        r.dialNanos = 0;
        r.answerNanos = outcome == CallOutcome.CONNECTED ? 5_000_000_000L : -1;
        r.endNanos = 60_000_000_000L;
        storage.journal().record(r);
        if (!storage.journal().flush(10_000)) {
            throw new AssertionError("journal did not commit");
        }
        return r.callId;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Reply send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String body = response.body();
            String type = response.headers().firstValue("Content-Type").orElse(null);
            OpenApiContract.check(request.method(), request.uri().getRawPath(), response.statusCode(), type, body,
                    response.headers().map());
            if (response.statusCode() == 201 && response.headers().firstValue("Location").isEmpty()) {
                throw new AssertionError("a 201 without Location: " + request.method() + " " + request.uri());
            }
            if (body != null && !body.isEmpty() && type != null
                    && (type.startsWith("application/json") || type.startsWith(Problem.MEDIA_TYPE))) {
                json = JSON.readTree(body);
            }
            return new Reply(response.statusCode(), json, body, response.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            storage.close();
        }
    }
}
