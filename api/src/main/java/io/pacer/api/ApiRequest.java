package io.pacer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.user.User;
import java.util.List;
import java.util.Map;

/**
 * One API request as the routes see it: the authenticated user, path parameters, query parameters and the
 * body (raw, or parsed as JSON on demand).
 *
 * @param user       who asks
 * @param method     HTTP method
 * @param path       the path without the query
 * @param pathParams values of the route's {@code {name}} segments
 * @param query      query parameters (each may repeat)
 * @param body       the body bytes
 */
public record ApiRequest(User user, String method, String path, Map<String, String> pathParams,
        Map<String, List<String>> query, byte[] body) {

    /** A numeric path parameter; a 404 when it is not a number (no such thing can exist). */
    public long id(String name) {
        try {
            return Long.parseLong(pathParams.get(name));
        } catch (NumberFormatException e) {
            throw new NotFoundException(name, pathParams.get(name));
        }
    }

    /** A query parameter, or {@code fallback}. */
    public String param(String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    /** All values of a repeated query parameter. */
    public List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** An integer query parameter within bounds, or {@code fallback}. */
    public int intParam(String name, int fallback, int min, int max) {
        String value = param(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new InvalidFieldException(name, "must be within " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(name, "must be a whole number");
        }
    }

    /** A boolean query parameter, or {@code fallback}. */
    public boolean boolParam(String name, boolean fallback) {
        String value = param(name, null);
        if (value == null) {
            return fallback;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidFieldException(name, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** The body parsed as a JSON object. */
    public JsonBody json() {
        return JsonBody.parse(body);
    }

    /** The root of the JSON body. */
    public JsonNode jsonNode() {
        return json().node();
    }
}
