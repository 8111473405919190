package io.pacer.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@code docs/openapi.json} promises of each route's request: the query parameters it knows and the media
 * types its body may have. The handler refuses anything else before a route runs, so a misspelt parameter
 * ({@code ?stat=READY}) is an error instead of a silently unfiltered answer, and the document and the server
 * cannot disagree about what a route accepts.
 */
final class RouteContract {

    /**
     * One operation's request.
     *
     * @param query      names of its query parameters
     * @param repeatable those of them that may be given more than once (arrays)
     * @param mediaTypes media types its body may have (empty: it takes no body)
     */
    record Operation(Set<String> query, Set<String> repeatable, Set<String> mediaTypes) {
    }

    private final Map<String, Operation> operations;

    private RouteContract(Map<String, Operation> operations) {
        this.operations = operations;
    }

    /** The contract of the document served at {@code /api/v1/openapi.json}. */
    static RouteContract load() {
        try (InputStream in = RouteContract.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the api jar");
            }
            return of(JsonBody.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract of an OpenAPI document. */
    static RouteContract of(JsonNode document) {
        Map<String, Operation> operations = new HashMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            Set<String> query = new HashSet<>();
            Set<String> repeatable = new HashSet<>();
            collectQuery(path.getValue().get("parameters"), query, repeatable);
            collectQuery(op.getValue().get("parameters"), query, repeatable);
            Set<String> types = new HashSet<>();
            JsonNode content = op.getValue().path("requestBody").path("content");
            content.fieldNames().forEachRemaining(types::add);
            operations.put(key(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey()), new Operation(query, repeatable, types));
        }));
        return new RouteContract(operations);
    }

    /** The documented request of a route, or {@code null} when the document does not list it. */
    Operation operation(Route route) {
        return operations.get(key(route.method(), route.pattern()));
    }

    private static void collectQuery(JsonNode parameters, Set<String> into, Set<String> repeatable) {
        if (parameters == null) {
            return;
        }
        for (JsonNode p : parameters) {
            if ("query".equals(p.path("in").asText())) {
                into.add(p.path("name").asText());
                if ("array".equals(p.path("schema").path("type").asText())) {
                    repeatable.add(p.path("name").asText());
                }
            }
        }
    }

    private static String key(String method, String pattern) {
        return method + " " + pattern;
    }
}
