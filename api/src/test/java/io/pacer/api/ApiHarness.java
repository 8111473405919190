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
 * records finished calls in the journal, as the real core does.
 */
/** A client of a live API for tests: HTTP calls with a token, and helpers that set up users, campaigns and lists. */
public final class ApiHarness implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong CALL_IDS = new AtomicLong(1000);

    final Storage storage;
    final ApiServer server;
    final String adminToken = "admin-token";
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    /** A response: status and parsed JSON body (or the raw text). */
    public record Reply(int status, JsonNode json, String text) {
        JsonNode get(String field) {
            return json.get(field);
        }
    }

    public ApiHarness(Supplier<Database> database) throws InterruptedException {
        this(database, EngineControl.NONE);
    }

    public ApiHarness(Supplier<Database> database, EngineControl engine) throws InterruptedException {
        storage = Storage.over(database.get(), "engine-test", SystemClock.INSTANCE);
        storage.users().ensure("admin", Role.ADMIN, adminToken);
        server = new ApiServer(storage, engine, "127.0.0.1", 0);
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
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String body = response.body();
            if (body != null && !body.isEmpty() && response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = JSON.readTree(body);
            }
            return new Reply(response.statusCode(), json, body);
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
