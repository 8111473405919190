package io.pacer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pacer.store.error.InvalidFieldException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times both ways: every time the API writes as epoch milliseconds ({@code dueMillis}) it also writes as an
 * ISO-8601 instant beside it ({@code dueAt}), and a time in a query ({@code updatedSince}, {@code dueBefore}) is
 * read in either form. Durations ({@code ringTimeoutMillis}, {@code durationMillis}) are not times and stay as
 * they are. One table of names here, applied to every answer, so no route can forget one.
 */
final class IsoTimes {

    /** Time fields in milliseconds and the name of their ISO-8601 twin. */
    static final Map<String, String> TWINS = Map.of(
            "nextDueMillis", "nextDue",
            "dueMillis", "dueAt",
            "alarmMillis", "alarmAt",
            "startMillis", "startAt",
            "answerMillis", "answerAt",
            "endMillis", "endAt",
            "atMillis", "at",
            "updatedMillis", "updatedAt",
            "windowFromMillis", "windowFrom",
            "windowToMillis", "windowTo");

    private IsoTimes() {
    }

    /** Adds the ISO twin of every time field found in {@code node}, at any depth; a negative time (none) is null. */
    static void addTwins(JsonNode node) {
        if (node.isArray()) {
            node.forEach(IsoTimes::addTwins);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.properties().forEach(fields::add);
        for (Map.Entry<String, JsonNode> field : fields) {
            String twin = TWINS.get(field.getKey());
            if (twin != null && field.getValue().isIntegralNumber() && !object.has(twin)) {
                long millis = field.getValue().asLong();
                if (millis < 0) {
                    object.putNull(twin);
                } else {
                    object.put(twin, Instant.ofEpochMilli(millis).toString());
                }
            } else {
                addTwins(field.getValue());
            }
        }
    }

    /**
     * A time query parameter given as an ISO-8601 instant ({@code 2030-01-31T09:30:00Z}) or epoch milliseconds, or
     * -1 when absent.
     */
    static long param(ApiRequest r, String name) {
        String value = r.param(name, null);
        if (value == null) {
            return -1;
        }
        if (value.matches("[0-9]{1,18}")) {
            long millis = Long.parseLong(value);
            if (millis > JsonBody.MAX_EPOCH_MILLIS) {
                throw new InvalidFieldException(name, "must be within 0.." + JsonBody.MAX_EPOCH_MILLIS + " (year 9999)");
            }
            return millis;
        }
        try {
            Instant at = Instant.parse(value);
            if (at.isBefore(Instant.EPOCH) || at.toEpochMilli() > JsonBody.MAX_EPOCH_MILLIS) {
                throw new InvalidFieldException(name, "must be between 1970 and the end of year 9999");
            }
            return at.toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidFieldException(name, "must be an ISO-8601 instant such as 2030-01-31T09:30:00Z or epoch milliseconds");
        }
    }
}
