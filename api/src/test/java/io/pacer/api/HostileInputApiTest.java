package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.store.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of docs/openapi.json, called as a hostile client would: odd path values, bodies of every
 * wrong shape, every documented query parameter with odd values, and every body field with values of every
 * wrong type. No answer may be a 500, and each is checked against the document by the harness.
 */
class HostileInputApiTest {

    private static final List<String> PATH_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%00", "%2F..%2F");
    private static final List<String> QUERY_VALUES = List.of("", "abc", "-1", "99999999999999999999",
            "+1000000000-01-01T00:00:00Z", "%0A", "%22", "true");
    private static final List<String> BODIES = List.of("", "{}", "[]", "null", "1", "\"x\"", "{\"a\":", "{} {}", "\uFEFF{}");
    private static final List<String> FIELD_VALUES = List.of("null", "\"\"", "\"ZZ\"", "-1", "99999999999999999999",
            "1e308", "true", "[]", "{}", "[1,\"a\"]", "{\"k\":1}", "\"+1000000000-01-01T00:00:00Z\"", "\"\\u0000\"");

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void noInputToAnyOperationGivesA500(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            api.campaign("");
            // The user routes act on this agent, never on the administrator whose token the attack uses.
            String agentId = api.user("target", "AGENT").get("id").asText();
            JsonNode document = ApiHarness.JSON.readTree(OpenApiContract.document());
            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    if (path.getKey().endsWith("/stream")) {
                        continue; // an accepted stream never ends; its parameters are those of its snapshot
                    }
                    attack(api, op.getKey().toUpperCase(), path.getKey().replace("{userId}", agentId), op.getValue(), failures);
                }
            }
            assertEquals(List.of(), failures);
            assertEquals(200, api.get("/api/v1/users", api.adminToken).status(), "the attack ran authenticated to its end");
        }
    }

    private static void attack(ApiHarness api, String method, String pattern, JsonNode op, List<String> failures) {
        for (String value : PATH_VALUES) {
            send(api, method, pattern.replaceAll("\\{[^}]+}", value), "{}", failures);
        }
        String path = pattern.replaceAll("\\{[^}]+}", "1");
        for (String body : BODIES) {
            send(api, method, path, body, failures);
        }
        for (JsonNode parameter : op.path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                for (String value : QUERY_VALUES) {
                    send(api, method, path + "?" + parameter.get("name").asText() + "=" + value, "", failures);
                }
            }
        }
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        for (String field : fields(api, schema)) {
            for (String value : FIELD_VALUES) {
                send(api, method, path, "{\"" + field + "\":" + value + "}", failures);
            }
        }
    }

    private static List<String> fields(ApiHarness api, JsonNode schema) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            try {
                JsonNode document = ApiHarness.JSON.readTree(OpenApiContract.document());
                resolved = document.at(schema.get("$ref").asText().substring(1));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        List<String> out = new ArrayList<>();
        resolved.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void send(ApiHarness api, String method, String path, String body, List<String> failures) {
        String type = path.contains("/imports") && !path.contains("/errors") ? "text/csv" : "application/json";
        try {
            ApiHarness.Reply r = api.request(method, path, api.adminToken, body.isEmpty() ? null : type,
                    body.isEmpty() ? null : body);
            if (r.status() >= 500) {
                failures.add(method + " " + path + " " + body + " -> " + r.status() + " " + r.text());
            }
        } catch (AssertionError e) {
            failures.add(method + " " + path + " " + body + " -> " + e.getMessage());
        }
    }
}
