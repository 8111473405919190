package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.store.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What docs/openapi.json must say of every operation, so that a route added later cannot be documented by half:
 * an operationId, a format on every integer, the problem statuses every request can meet, and no operation the
 * server does not serve. (Responses themselves are validated on every test request, {@link OpenApiContract}.)
 */
class OpenApiDocumentTest {

    private static final JsonNode DOCUMENT = read();

    private static JsonNode read() {
        try {
            return ApiHarness.JSON.readTree(OpenApiContract.document());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyOperationIsNamedAndListsTheStatusesAnyRequestCanMeet() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : DOCUMENT.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().get("responses");
                if (!op.getValue().hasNonNull("operationId")) {
                    missing.add(name + ": operationId");
                }
                List<String> statuses = new ArrayList<>(List.of("400", "414", "431", "500", "503"));
                if (op.getValue().has("requestBody")) {
                    statuses.addAll(List.of("413", "415"));
                }
                if (!op.getValue().has("security")) {
                    statuses.addAll(List.of("401", "403"));
                }
                for (String status : statuses) {
                    if (!responses.has(status)) {
                        missing.add(name + ": " + status);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyIntegerHasAFormat() {
        List<String> bare = new ArrayList<>();
        collectBareIntegers(DOCUMENT, "#", bare);
        assertEquals(List.of(), bare);
    }

    @Test
    void everyDocumentedOperationIsServed() throws Exception {
        try (ApiHarness api = new ApiHarness(TestDatabases::sqlite)) {
            Set<String> served = new HashSet<>();
            for (Route route : api.server.routes()) {
                served.add(route.method() + " " + route.pattern());
            }
            List<String> unserved = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : DOCUMENT.get("paths").properties()) {
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (!served.contains(method.toUpperCase() + " " + path.getKey())) {
                        unserved.add(method.toUpperCase() + " " + path.getKey());
                    }
                });
            }
            assertEquals(List.of(), unserved);
        }
    }

    private static void collectBareIntegers(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            if ("integer".equals(node.path("type").asText()) && !node.has("format")) {
                out.add(at);
            }
            node.properties().forEach(e -> collectBareIntegers(e.getValue(), at + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectBareIntegers(node.get(i), at + "/" + i, out);
            }
        }
    }
}
