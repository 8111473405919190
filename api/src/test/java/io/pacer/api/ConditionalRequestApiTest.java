package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pacer.engine.control.EngineControl;
import io.pacer.store.db.Database;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ETag and If-Match on edits, Idempotency-Key on creates, Location on 201, and CORS. */
class ConditionalRequestApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void anEditWithAStaleETagIsRefusedAndChangesNothing(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            String path = api.post("/api/v1/campaigns/" + id + "/contacts", api.adminToken, "{\"phone\":\"+12024561111\",\"name\":\"A\"}")
                    .header("Location");
            String tag = api.get(path, api.adminToken).header("ETag");
            assertNotNull(tag);
            assertEquals(tag, api.get(path, api.adminToken).header("ETag"), "the same thing has the same tag");

            ApiHarness.Reply first = api.request("PATCH", path, api.adminToken, "application/json", "{\"name\":\"B\"}", "If-Match", tag);
            assertEquals(200, first.status(), first.text());
            String newTag = first.header("ETag");
            assertNotEquals(tag, newTag);
            assertEquals(newTag, api.get(path, api.adminToken).header("ETag"), "the edit's answer carries the new tag");

            ApiHarness.Reply lost = api.request("PATCH", path, api.adminToken, "application/json", "{\"name\":\"C\"}", "If-Match", tag);
            assertEquals(412, lost.status());
            assertEquals("precondition_failed", lost.get("code").asText());
            assertEquals("B", api.get(path, api.adminToken).get("name").asText(), "the stale edit changed nothing");
            assertEquals(412, api.request("DELETE", path, api.adminToken, null, null, "If-Match", tag).status());
            assertEquals(204, api.request("DELETE", path, api.adminToken, null, null, "If-Match", newTag).status());
            assertEquals(404, api.get(path, api.adminToken).status());

            String campaign = "/api/v1/campaigns/" + id;
            assertEquals(412, api.request("PATCH", campaign, api.adminToken, "application/json", "{\"name\":\"X\"}",
                    "If-Match", "\"nope\"").status());
            assertEquals(200, api.request("PATCH", campaign, api.adminToken, "application/json", "{\"name\":\"X\"}",
                    "If-Match", "*").status());
            assertEquals(200, api.patch(campaign, api.adminToken, "{\"name\":\"Y\"}").status(), "If-Match is not required");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aRetriedCreateWithTheSameKeyCreatesOnceAndAnotherBodyIsRefused(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            String body = "{\"name\":\"Once\",\"timeZone\":\"UTC\"}";
            ApiHarness.Reply first = api.request("POST", "/api/v1/campaigns", api.adminToken, "application/json", body,
                    "Idempotency-Key", "k-1");
            assertEquals(201, first.status(), first.text());
            assertNull(first.header("Idempotent-Replayed"));
            ApiHarness.Reply again = api.request("POST", "/api/v1/campaigns", api.adminToken, "application/json", body,
                    "Idempotency-Key", "k-1");
            assertEquals(201, again.status());
            assertEquals("true", again.header("Idempotent-Replayed"));
            assertEquals(first.get("id").asLong(), again.get("id").asLong());
            assertEquals(first.header("Location"), again.header("Location"));
            assertEquals(1, api.get("/api/v1/campaigns", api.adminToken).json().size(), "created once");

            ApiHarness.Reply other = api.request("POST", "/api/v1/campaigns", api.adminToken, "application/json",
                    "{\"name\":\"Twice\",\"timeZone\":\"UTC\"}", "Idempotency-Key", "k-1");
            assertEquals(422, other.status());
            assertEquals("idempotency_key_reused", other.get("code").asText());

            // A refused request keeps no answer: corrected, it may be sent again under its key.
            long id = first.get("id").asLong();
            String contacts = "/api/v1/campaigns/" + id + "/contacts";
            assertEquals(400, api.request("POST", contacts, api.adminToken, "application/json", "{\"phone\":\"nonsense\"}",
                    "Idempotency-Key", "k-2").status());
            assertEquals(201, api.request("POST", contacts, api.adminToken, "application/json", "{\"phone\":\"+12024561111\"}",
                    "Idempotency-Key", "k-2").status());
            assertEquals(1, api.get(contacts, api.adminToken).json().size());
            assertEquals(400, api.request("POST", contacts, api.adminToken, "application/json", "{\"phone\":\"+12024561111\"}",
                    "Idempotency-Key", "two words").status(), "a key is visible ASCII without spaces");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#bothUrls")
    void aKeyIsKeptDurablyAcrossARestart(String[] url) throws Exception {
        Supplier<Database> db = () -> Database.open(url[0], url[1], null);
        String body = "{\"name\":\"Durable\",\"timeZone\":\"UTC\"}";
        long id;
        try (ApiHarness api = new ApiHarness(db)) {
            id = api.request("POST", "/api/v1/campaigns", api.adminToken, "application/json", body, "Idempotency-Key", "restart")
                    .get("id").asLong();
        }
        try (ApiHarness api = new ApiHarness(db)) {
            ApiHarness.Reply again = api.request("POST", "/api/v1/campaigns", api.adminToken, "application/json", body,
                    "Idempotency-Key", "restart");
            assertEquals(201, again.status());
            assertEquals(id, again.get("id").asLong());
            assertEquals("true", again.header("Idempotent-Replayed"));
            assertEquals(1, api.get("/api/v1/campaigns", api.adminToken).json().size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void keysBelongToTheirUser(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            String sue = api.user("sue", "SUPERVISOR").get("token").asText();
            String body = "{\"name\":\"Mine\",\"timeZone\":\"UTC\"}";
            long a = api.request("POST", "/api/v1/campaigns", api.adminToken, "application/json", body, "Idempotency-Key", "same")
                    .get("id").asLong();
            ApiHarness.Reply b = api.request("POST", "/api/v1/campaigns", sue, "application/json", body, "Idempotency-Key", "same");
            assertEquals(201, b.status());
            assertNotEquals(a, b.get("id").asLong());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void browsersOfAllowedOriginsGetCorsHeadersAndPreflightsAreAnswered(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db, EngineControl.NONE, new Cors(List.of("https://crm.example.com")))) {
            HttpResponse<String> preflight = api.unchecked("OPTIONS", "/api/v1/campaigns", "Origin", "https://crm.example.com",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, idempotency-key");
            assertEquals(204, preflight.statusCode());
            assertEquals("https://crm.example.com", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            String allowed = preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("");
            assertEquals(true, allowed.contains("Idempotency-Key") && allowed.contains("If-Match"), allowed);

            HttpResponse<String> stranger = api.unchecked("OPTIONS", "/api/v1/campaigns", "Origin", "https://evil.example.com",
                    "Access-Control-Request-Method", "POST");
            assertEquals(true, stranger.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

            ApiHarness.Reply real = api.request("GET", "/api/v1/campaigns", api.adminToken, null, null,
                    "Origin", "https://crm.example.com");
            assertEquals(200, real.status());
            assertEquals("https://crm.example.com", real.header("Access-Control-Allow-Origin"));
            assertEquals(true, real.header("Access-Control-Expose-Headers").contains("X-Next-Cursor"));
            ApiHarness.Reply refused = api.request("GET", "/api/v1/campaigns", null, null, null, "Origin", "https://crm.example.com");
            assertEquals(401, refused.status());
            assertEquals("https://crm.example.com", refused.header("Access-Control-Allow-Origin"),
                    "an error is readable by the page too");
        }
    }
}
