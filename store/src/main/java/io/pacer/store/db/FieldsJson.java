package io.pacer.store.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** A contact's free fields as the JSON text both databases store (and can query with their JSON functions). */
public final class FieldsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() { };

    private FieldsJson() {
    }

    /** The JSON text of fields. */
    public static String write(Map<String, String> fields) {
        try {
            return MAPPER.writeValueAsString(fields == null ? Map.of() : fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The fields of a JSON text. */
    public static Map<String, String> read(String json) {
        try {
            return json == null || json.isEmpty() ? new LinkedHashMap<>() : MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
