package io.pacer.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.pacer.engine.agent.AgentView;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.journal.Activity;
import java.io.IOException;

/**
 * Call ids leave the API as decimal strings. The core builds them from a wall-clock-seeded sequence over the
 * call's slot ({@code CallTable}), which puts them above 2^53: as JSON numbers, JavaScript clients would round
 * them and address the wrong call. Strings keep the engine's encoding (and its uniqueness across restarts)
 * untouched; the path {@code /calls/{callId}/outcome} takes the same digits. A crash-recovered attempt has no
 * call id: {@code null}.
 */
final class CallIdJson {

    private CallIdJson() {
    }

    /** Registers the string form on every type the API serialises with a call id. */
    static ObjectMapper register(ObjectMapper mapper) {
        return mapper.addMixIn(Activity.class, ActivityMixIn.class).addMixIn(AgentView.class, AgentViewMixIn.class);
    }

    /**
     * The call id a request names in {@code field}: the decimal string the API writes, or (for clients written
     * before ids were strings) a whole JSON number; {@code -1} when absent.
     */
    static long read(JsonBody body, String field) {
        JsonNode v = body.node().get(field);
        if (v != null && v.isTextual()) {
            if (!v.asText().matches("[0-9]{1,19}")) {
                throw new InvalidFieldException(field, "must be a call id: the decimal digits of Activity.callId");
            }
            try {
                return Long.parseLong(v.asText());
            } catch (NumberFormatException e) {
                throw new InvalidFieldException(field, "must be a call id: the decimal digits of Activity.callId");
            }
        }
        return body.whole(field, -1);
    }

    /** Where Jackson learns how {@link Activity#callId()} is written. */
    abstract static class ActivityMixIn {
        @JsonProperty("callId")
        @JsonSerialize(using = AsString.class)
        abstract long callId();
    }

    /** Where Jackson learns how {@link AgentView#callId()} is written: the call the agent is in, or null. */
    abstract static class AgentViewMixIn {
        @JsonProperty("callId")
        @JsonSerialize(using = AsString.class)
        abstract long callId();
    }

    /** A call id as a decimal string, or {@code null} for none (negative). */
    static final class AsString extends StdSerializer<Long> {
        AsString() {
            super(Long.class);
        }

        @Override
        public void serialize(Long callId, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (callId < 0) {
                gen.writeNull();
            } else {
                gen.writeString(Long.toString(callId));
            }
        }
    }
}
