package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Incremental sync: rows carry updatedAt, and ?updatedSince= returns only what changed since; times both ways. */
class SyncApiTest {

    private static long maxUpdated(JsonNode rows) {
        long max = 0;
        for (JsonNode row : rows) {
            max = Math.max(max, row.get("updatedMillis").asLong());
        }
        return max;
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void updatedSinceReturnsOnlyContactsChangedSinceInEitherTimeForm(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            api.importCsv(id, "APPEND", "phone,name\n+12024561111,A\n+12024561112,B\n+12024561113,C\n", "");
            String base = "/api/v1/campaigns/" + id + "/contacts";
            JsonNode all = api.get(base, api.adminToken).json();
            assertEquals(3, all.size());
            long since = maxUpdated(all) + 1;
            Thread.sleep(5);
            long changed = all.get(1).get("id").asLong();
            assertEquals(200, api.patch(base + "/" + changed, api.adminToken, "{\"name\":\"B2\"}").status());

            JsonNode delta = api.get(base + "?updatedSince=" + since, api.adminToken).json();
            assertEquals(1, delta.size(), delta.toString());
            assertEquals(changed, delta.get(0).get("id").asLong());
            assertTrue(delta.get(0).get("updatedMillis").asLong() >= since);
            assertEquals(Instant.ofEpochMilli(delta.get(0).get("updatedMillis").asLong()).toString(),
                    delta.get(0).get("updatedAt").asText());
            JsonNode iso = api.get(base + "?updatedSince=" + Instant.ofEpochMilli(since), api.adminToken).json();
            assertEquals(1, iso.size(), "the same filter as an ISO-8601 instant");
            assertEquals(0, api.get(base + "?updatedSince=2999-01-01T00:00:00Z", api.adminToken).json().size());
            assertEquals("updatedSince", api.get(base + "?updatedSince=yesterday", api.adminToken)
                    .get("errors").get(0).get("field").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void callsAndCallbacksSyncByUpdatedSinceAndCarryIsoTimes(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            long annId = ann.get("id").asLong();
            String annToken = ann.get("token").asText();
            long id = api.campaign("\"responsibleUsers\":[" + annId + "]");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n", "");
            String contacts = "/api/v1/campaigns/" + id + "/contacts";
            long beforeStart = maxUpdated(api.get(contacts, api.adminToken).json()) + 1;
            Thread.sleep(5);
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            ContactSlot slot = api.takeFromHopper(id);
            JsonNode taken = api.get(contacts + "?updatedSince=" + beforeStart, api.adminToken).json();
            assertEquals(1, taken.size(), "the hopper's change is stamped too: no writer can forget updatedAt");
            assertEquals("DIALING", taken.get(0).get("state").asText());
            long call = api.finishCall(id, slot, (int) annId, CallOutcome.CONNECTED);

            JsonNode calls = api.get("/api/v1/calls?campaignId=" + id, api.adminToken).json();
            assertEquals(1, calls.size());
            JsonNode activity = calls.get(0);
            assertEquals(Instant.ofEpochMilli(activity.get("startMillis").asLong()).toString(), activity.get("startAt").asText());
            assertEquals(Instant.ofEpochMilli(activity.get("answerMillis").asLong()).toString(), activity.get("answerAt").asText());
            long since = maxUpdated(calls) + 1;
            Thread.sleep(5);
            assertEquals(0, api.get("/api/v1/calls?campaignId=" + id + "&updatedSince=" + since, api.adminToken).json().size());

            String dueAt = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            ApiHarness.Reply outcome = api.post("/api/v1/calls/" + call + "/outcome", annToken,
                    "{\"outcome\":\"CALL_AGAIN\",\"callback\":{\"dueAt\":\"" + dueAt + "\"}}");
            assertEquals(200, outcome.status(), outcome.text());
            JsonNode changedCalls = api.get("/api/v1/calls?campaignId=" + id + "&updatedSince=" + since, api.adminToken).json();
            assertEquals(1, changedCalls.size(), "recording the outcome changed the call");
            assertEquals("CALL_AGAIN", changedCalls.get(0).get("outcome").asText());

            JsonNode callbacks = api.get("/api/v1/callbacks?updatedSince=" + since, api.adminToken).json();
            assertEquals(1, callbacks.size());
            assertEquals(dueAt, callbacks.get(0).get("dueAt").asText(), "the time written as ISO-8601 reads back as ISO-8601");
            assertTrue(callbacks.get(0).get("alarmAt").isNull());
            assertEquals(0, api.get("/api/v1/callbacks?updatedSince=" + (maxUpdated(callbacks) + 1), api.adminToken).json().size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void contactTimesAreWrittenAndReadAsIsoInstants(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            ApiHarness.Reply added = api.post("/api/v1/campaigns/" + id + "/contacts", api.adminToken, "{\"phone\":\"+12024561111\"}");
            String path = added.header("Location");
            assertEquals("/api/v1/campaigns/" + id + "/contacts/" + added.get("id").asLong(), path);
            ApiHarness.Reply edited = api.patch(path, api.adminToken, "{\"nextDue\":\"2031-05-01T08:00:00Z\"}");
            assertEquals(Instant.parse("2031-05-01T08:00:00Z").toEpochMilli(), edited.get("nextDueMillis").asLong());
            assertEquals("2031-05-01T08:00:00Z", api.get(path, api.adminToken).get("nextDue").asText());
            assertEquals(1, api.get("/api/v1/campaigns/" + id + "/contacts?dueBefore=2031-05-01T08:00:00.001Z", api.adminToken)
                    .json().size());
            assertEquals(0, api.get("/api/v1/campaigns/" + id + "/contacts?dueBefore=2031-05-01T08:00:00Z", api.adminToken)
                    .json().size());
        }
    }
}
