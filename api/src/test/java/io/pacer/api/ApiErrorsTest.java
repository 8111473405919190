package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.store.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests get an RFC 9457 problem that names every field at fault with a stable code and a status that
 * says what happened, never a 500, and change nothing. Every reply is also held to docs/openapi.json by the
 * harness.
 */
class ApiErrorsTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void refusalsAreProblemDetailsListingEveryFieldAtFault(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            ApiHarness.Reply r = api.post("/api/v1/campaigns", api.adminToken, "{\"name\":\"X\",\"colour\":1,\"size\":2}");
            assertEquals(400, r.status());
            assertEquals("unknown_field", r.get("code").asText());
            assertEquals("https://pacer.io/problems/unknown_field", r.get("type").asText());
            assertEquals(400, r.get("status").asInt());
            List<String> fields = new ArrayList<>();
            r.get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertEquals(List.of("colour", "size"), fields, "both unknown fields are listed");
            assertEquals(0, api.get("/api/v1/campaigns", api.adminToken).json().size(), "nothing was created");
            assertEquals("not_found", api.get("/api/v1/campaigns/77", api.adminToken).get("code").asText());
            assertEquals("no_such_endpoint", api.get("/api/v1/nothing", api.adminToken).get("code").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void refusesUnknownQueryParametersTrailingJsonWrongMediaTypesAndOverLongText(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            ApiHarness.Reply typo = api.get("/api/v1/campaigns/" + id + "/contacts?stat=READY", api.adminToken);
            assertEquals(400, typo.status(), "a misspelt filter must not answer every contact");
            assertEquals("unknown_parameter", typo.get("code").asText());
            assertEquals("stat", typo.get("errors").get(0).get("field").asText());
            assertTrue(typo.get("errors").get(0).get("detail").asText().contains("state"), typo.text());

            ApiHarness.Reply twice = api.get("/api/v1/campaigns/" + id + "/contacts?limit=1&limit=500", api.adminToken);
            assertEquals(400, twice.status(), "neither of two limits may silently win");
            assertEquals("repeated_parameter", twice.get("errors").get(0).get("code").asText());

            ApiHarness.Reply trailing = api.patch("/api/v1/campaigns/" + id, api.adminToken, "{\"name\":\"A\"} {\"name\":\"B\"}");
            assertEquals(400, trailing.status());
            assertEquals("body", trailing.get("errors").get(0).get("field").asText());
            assertEquals("Spring offer", api.get("/api/v1/campaigns/" + id, api.adminToken).get("name").asText());

            ApiHarness.Reply text = api.request("POST", "/api/v1/campaigns", api.adminToken, "text/plain", "{\"name\":\"T\"}");
            assertEquals(415, text.status());
            assertEquals("unsupported_media_type", text.get("code").asText());
            ApiHarness.Reply none = api.request("POST", "/api/v1/campaigns", api.adminToken, null, "{\"name\":\"T\"}");
            assertEquals(415, none.status());

            String huge = "x".repeat(JsonBody.MAX_TEXT_CHARS + 1);
            ApiHarness.Reply tooLong = api.patch("/api/v1/campaigns/" + id, api.adminToken, "{\"description\":\"" + huge + "\"}");
            assertEquals(400, tooLong.status());
            assertEquals("too_long", tooLong.get("code").asText());
            assertEquals("description", tooLong.get("errors").get(0).get("field").asText());
            assertEquals("", api.get("/api/v1/campaigns/" + id, api.adminToken).get("description").asText());
            assertEquals(200, api.patch("/api/v1/campaigns/" + id, api.adminToken,
                    "{\"description\":\"" + "x".repeat(JsonBody.MAX_TEXT_CHARS) + "\"}").status(), "the limit itself is accepted");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void noInputGivesA500(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            String contacts = "/api/v1/campaigns/" + id + "/contacts";
            for (String body : List.of("{\"phone\":\"+4930123456\",\"nextDue\":\"+1000000000-01-01T00:00:00Z\"}",
                    "{\"phone\":\"+4930123456\",\"nextDue\":\"99999-01-01T00:00:00Z\"}",
                    "{\"phone\":\"+4930123456\",\"nextDueMillis\":9223372036854775807}",
                    "{\"phone\":\"+4930123456\",\"nextDue\":\"2030-01-01T00:00:00Z\",\"nextDueMillis\":1}")) {
                ApiHarness.Reply r = api.post(contacts, api.adminToken, body);
                assertEquals(400, r.status(), body + " -> " + r.text());
                assertTrue(r.get("errors").get(0).get("field").asText().startsWith("nextDue"), r.text());
                assertFalse(r.text().contains("Exception"), "no Java internals: " + r.text());
            }
            for (String separator : List.of("%0A", "%22", "%0D", "ab", "")) {
                ApiHarness.Reply r = api.importCsv(id, "APPEND", "phone,name\n+4930123456,A\n", "&separator=" + separator);
                assertEquals(400, r.status(), separator + " -> " + r.text());
                assertEquals("separator", r.get("errors").get(0).get("field").asText());
            }
            assertEquals(0, api.get(contacts, api.adminToken).json().size(), "nothing was stored");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void oversizedRequestsGetTheStatusThatSaysWhy(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            ApiHarness.Reply header = api.raw("GET", "/api/v1/campaigns", "GET /api/v1/campaigns HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + api.adminToken + "\r\nX-Padding: " + "p".repeat(20 * 1024));
            assertEquals(431, header.status(), header.text());
            assertEquals("headers_too_large", header.get("code").asText());

            String longPath = "/api/v1/campaigns?" + "q".repeat(10 * 1024);
            ApiHarness.Reply uri = api.raw("GET", "/api/v1/campaigns", "GET " + longPath + " HTTP/1.1\r\nHost: x");
            assertEquals(414, uri.status(), uri.text());
            assertEquals("uri_too_long", uri.get("code").asText());

            long seventyMiB = 70L * 1024 * 1024;
            ApiHarness.Reply body = api.raw("POST", "/api/v1/campaigns", "POST /api/v1/campaigns HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + api.adminToken + "\r\nContent-Type: application/json\r\nContent-Length: " + seventyMiB);
            assertEquals(413, body.status());
            assertEquals("body_too_large", body.get("code").asText());
            assertTrue(body.get("detail").asText().contains(String.valueOf(ApiServer.MAX_BODY_BYTES)), body.text());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void theBearerSchemeIsCaseInsensitive(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            for (String scheme : List.of("Bearer", "bearer", "BEARER")) {
                ApiHarness.Reply r = api.raw("GET", "/api/v1/campaigns", "GET /api/v1/campaigns HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: " + scheme + " " + api.adminToken + "\r\nConnection: close");
                assertEquals(200, r.status(), scheme + ": " + r.text());
            }
            ApiHarness.Reply basic = api.raw("GET", "/api/v1/campaigns", "GET /api/v1/campaigns HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Basic " + api.adminToken + "\r\nConnection: close");
            assertEquals(401, basic.status());
            JsonNode problem = basic.json();
            assertEquals("unauthenticated", problem.get("code").asText());
        }
    }
}
