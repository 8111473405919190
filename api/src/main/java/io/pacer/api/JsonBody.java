package io.pacer.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pacer.store.error.InvalidFieldException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON request body read field by field; every accessor names the field when it is missing or of the wrong
 * type, so the client learns exactly what to fix.
 */
public final class JsonBody {

    /** Refuses a body with anything after its JSON value ({@code {"a":1} trailing}): half a request is not one. */
    static final ObjectMapper MAPPER = CallIdJson.register(new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));

    /** Longest text field accepted, in characters (documented as {@code maxLength} in {@code docs/openapi.json}). */
    public static final int MAX_TEXT_CHARS = 4000;

    /** Latest instant accepted, 9999-12-31T23:59:59.999Z: later ones overflow the epoch-millisecond times stored. */
    public static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

    private final JsonNode node;
    private final String prefix;

    private JsonBody(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** Parses a body that must be a JSON object. */
    public static JsonBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidFieldException("body", "a JSON object is required");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidFieldException("body", "must be a JSON object");
            }
            return new JsonBody(node, "");
        } catch (IOException e) {
            throw new InvalidFieldException("body", "not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** The parsed node. */
    public JsonNode node() {
        return node;
    }

    /**
     * Refuses a field that is not one of {@code known}, naming it and the fields that are: a misspelt setting
     * ("ringTimeout" for "ringTimeoutMillis") must not be ignored while the request succeeds. Called before
     * anything is read, so nothing is changed.
     */
    public JsonBody only(String... known) {
        List<Problem.FieldError> unknown = new ArrayList<>();
        var names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!List.of(known).contains(n)) {
                unknown.add(new Problem.FieldError(name(n), "unknown_field", "unknown field; known fields are " + String.join(", ", known)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new Problem.Refusal(new Problem(400, "unknown_field", "Unknown field", unknown));
        }
        return this;
    }

    /** Whether the field is present and not null. */
    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** A nested object field, or {@code null}. */
    public JsonBody object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new InvalidFieldException(name(field), "must be an object");
        }
        return new JsonBody(v, name(field) + ".");
    }

    /** A required text field. */
    public String text(String field) {
        String v = text(field, null);
        if (v == null) {
            throw new InvalidFieldException(name(field), "missing");
        }
        return v;
    }

    /** An optional text field. */
    public String text(String field, String fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new InvalidFieldException(name(field), "must be a string");
        }
        return limited(name(field), v.asText());
    }

    /** An optional number. */
    public double number(String field, double fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new InvalidFieldException(name(field), "must be a number");
        }
        return v.asDouble();
    }

    /** An optional whole number. */
    public long whole(String field, long fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            throw new InvalidFieldException(name(field), "must be a whole number");
        }
        return v.asLong();
    }

    /** An optional whole number that fits an {@code int}; a larger one is refused, never truncated. */
    public int integer(String field, int fallback) {
        long v = whole(field, fallback);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidFieldException(name(field), "must be within " + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    /** An optional boolean. */
    public boolean bool(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new InvalidFieldException(name(field), "must be true or false");
        }
        return v.asBoolean();
    }

    /** An optional enum constant given by name. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
        String v = text(field, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(name(field), "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    /** A time given as {@code <field>} (ISO-8601 instant) or {@code <field>Millis} (epoch ms), or {@code fallback}. */
    public long instant(String field, long fallback) {
        if (has(field + "Millis")) {
            if (has(field)) {
                throw new InvalidFieldException(name(field), "give either " + field + " or " + field + "Millis, not both");
            }
            long millis = whole(field + "Millis", fallback);
            if (millis < 0 || millis > MAX_EPOCH_MILLIS) {
                throw new InvalidFieldException(name(field + "Millis"), "must be within 0.." + MAX_EPOCH_MILLIS + " (year 9999)");
            }
            return millis;
        }
        String v = text(field, null);
        if (v == null) {
            return fallback;
        }
        try {
            Instant at = Instant.parse(v);
            if (at.isBefore(Instant.EPOCH) || at.toEpochMilli() > MAX_EPOCH_MILLIS) {
                throw new InvalidFieldException(name(field), "must be between 1970 and the end of year 9999");
            }
            return at.toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidFieldException(name(field), "must be an ISO-8601 instant such as 2030-01-31T09:30:00Z, before year 10000");
        }
    }

    /** An optional array of strings. */
    public List<String> texts(String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(field)) {
            if (!item.isTextual()) {
                throw new InvalidFieldException(name(field), "must be an array of strings");
            }
            out.add(limited(name(field), item.asText()));
        }
        return out;
    }

    /** An optional array of whole numbers. */
    public List<Long> wholes(String field) {
        List<Long> out = new ArrayList<>();
        for (JsonNode item : array(field)) {
            if (!item.isIntegralNumber()) {
                throw new InvalidFieldException(name(field), "must be an array of whole numbers");
            }
            out.add(item.asLong());
        }
        return out;
    }

    /** An optional array of objects. */
    public List<JsonBody> objects(String field) {
        List<JsonBody> out = new ArrayList<>();
        for (JsonNode item : array(field)) {
            if (!item.isObject()) {
                throw new InvalidFieldException(name(field), "must be an array of objects");
            }
            // Each item is named with its index, so that an error points at the one to fix.
            out.add(new JsonBody(item, name(field) + "[" + out.size() + "]."));
        }
        return out;
    }

    /** An optional object of string values. */
    public Map<String, String> textMap(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new InvalidFieldException(name(field), "must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isTextual()) {
                throw new InvalidFieldException(name(field) + "." + e.getKey(), "must be a string");
            }
            out.put(limited(name(field) + "." + e.getKey(), e.getKey()), limited(name(field) + "." + e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private List<JsonNode> array(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new InvalidFieldException(name(field), "must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        v.forEach(items::add);
        return items;
    }

    /** The text, unless it is over {@link #MAX_TEXT_CHARS} (a 10 MiB description is a mistake or an attack) or holds a NUL. */
    private static String limited(String fieldName, String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new Problem.Refusal(Problem.of(400, "too_long", "Text too long", fieldName,
                    "is " + text.length() + " characters; at most " + MAX_TEXT_CHARS + " are accepted"));
        }
        if (text.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store it in text, and no name or note needs it.
            throw new InvalidFieldException(fieldName, "must not contain the NUL character (U+0000)");
        }
        return text;
    }

    private String name(String field) {
        return prefix + field;
    }
}
