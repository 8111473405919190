package io.pacer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer as it goes on the wire: status, body bytes (JSON with its ISO-8601 time twins, or text) and headers;
 * or an event stream to open instead.
 *
 * @param status      HTTP status
 * @param body        the body (empty: none)
 * @param contentType its media type, or {@code null} without a body
 * @param headers     headers of the answer (Location, ETag, paging)
 * @param stream      a server-sent event stream to open instead, or {@code null}
 */
record Rendered(int status, byte[] body, String contentType, Map<String, String> headers, EventStreams.Stream stream) {

    private static final byte[] NONE = new byte[0];

    /**
     * A route's answer to {@code method path} on the wire. A JSON body gets the ISO twins of its times and an
     * {@code ETag}; a 201 a {@code Location} (the route's, else the request's path followed by the new id).
     */
    static Rendered of(ApiResponse result, String method, String path) throws JsonProcessingException {
        if (result.body() instanceof EventStreams.Stream stream) {
            return new Rendered(result.status(), NONE, null, Map.of(), stream);
        }
        Map<String, String> headers = new LinkedHashMap<>(result.headers());
        if (result.body() == null) {
            return new Rendered(result.status(), NONE, null, headers, null);
        }
        if (result.contentType() != null) {
            return new Rendered(result.status(), ((String) result.body()).getBytes(StandardCharsets.UTF_8), result.contentType(),
                    headers, null);
        }
        JsonNode tree = JsonBody.MAPPER.valueToTree(result.body());
        IsoTimes.addTwins(tree);
        byte[] bytes = JsonBody.MAPPER.writeValueAsBytes(tree);
        if (result.status() == 201 && !headers.containsKey("Location") && tree.path("id").isIntegralNumber()) {
            headers.put("Location", path + "/" + tree.get("id").asLong());
        }
        if (result.status() == 200 || result.status() == 201) {
            headers.put("ETag", EntityTags.of(bytes));
        }
        return new Rendered(result.status(), bytes, "application/json", headers, null);
    }
}
