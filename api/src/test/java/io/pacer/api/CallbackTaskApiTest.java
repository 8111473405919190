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

/**
 * Callbacks as tasks (the ERP and Genesys manuals): priority, subject from the template, the call's note copied
 * into the follow-up, lists sorted by due time then priority and searched by subject, and changes that refuse
 * past times and owners the caller may not hand a task to, losing nothing. On both databases.
 */
class CallbackTaskApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void callbacksAreTasksWithPrioritySubjectNoteAndOwners(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            JsonNode bob = api.user("bob", "AGENT");
            long annId = ann.get("id").asLong();
            String annToken = ann.get("token").asText();
            long id = api.campaign("\"responsibleUsers\":[" + annId + "],\"subjectTemplate\":\"{calltype} {date} {time}\"");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n+4930333333,C\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            long tomorrow = System.currentTimeMillis() + 86_400_000L;
            String due = Instant.ofEpochMilli(tomorrow).toString();

            // The note of the call is copied into the task; the subject comes from the template.
            long first = api.finishCall(id, api.takeFromHopper(id), (int) annId, CallOutcome.CONNECTED);
            ApiHarness.Reply saved = api.post("/api/v1/calls/" + first + "/outcome", annToken,
                    "{\"outcome\":\"CALL_AGAIN\",\"note\":\"call after the board meeting\",\"callback\":{\"dueAt\":\"" + due + "\"}}");
            assertEquals(200, saved.status(), saved.text());
            // Same time, higher priority, own subject and note: listed first.
            ContactSlot second = api.takeFromHopper(id);
            long secondCall = api.finishCall(id, second, (int) annId, CallOutcome.CONNECTED);
            assertEquals(200, api.post("/api/v1/calls/" + secondCall + "/outcome", annToken,
                    "{\"outcome\":\"CALL_AGAIN\",\"note\":\"x\",\"callback\":{\"dueAt\":\"" + due + "\",\"priority\":5,"
                            + "\"subject\":\"Renewal quote\",\"note\":\"bring the figures\"}}").status());

            JsonNode tasks = api.get("/api/v1/callbacks?own=true&open=true", annToken).json();
            assertEquals(2, tasks.size(), tasks.toString());
            assertEquals("Renewal quote", tasks.get(0).get("subject").asText(), "same due time: higher priority first");
            assertEquals(5, tasks.get(0).get("priority").asInt());
            assertEquals("bring the figures", tasks.get(0).get("note").asText());
            JsonNode copied = tasks.get(1);
            assertEquals("call after the board meeting", copied.get("note").asText(), "the call's note, copied");
            assertTrue(copied.get("subject").asText().startsWith("Callback "), copied.toString());
            assertEquals(0, copied.get("priority").asInt());

            JsonNode found = api.get("/api/v1/callbacks?q=RENEWAL", annToken).json();
            assertEquals(1, found.size());
            assertEquals(0, api.get("/api/v1/callbacks?q=100%25", annToken).json().size(), "% is text, not a wildcard");

            long taskId = copied.get("id").asLong();
            String task = "/api/v1/callbacks/" + taskId;
            ApiHarness.Reply past = api.patch(task, annToken, "{\"dueAt\":\"2020-01-01T09:00:00Z\"}");
            assertEquals(400, past.status());
            assertEquals("dueAt", past.json().get("errors").get(0).get("field").asText());
            ApiHarness.Reply notHers = api.patch(task, annToken, "{\"ownerUserId\":" + bob.get("id") + "}");
            assertEquals(403, notHers.status(), "only a supervisor hands a task to another user");
            assertEquals(400, api.patch(task, annToken, "{\"priority\":101}").status());
            // 2^32 + 5 is 5 to an int: refused, not taken as priority 5.
            ApiHarness.Reply wrapped = api.patch(task, annToken, "{\"priority\":4294967301}");
            assertEquals(400, wrapped.status(), wrapped.text());
            assertEquals("priority", wrapped.json().get("errors").get(0).get("field").asText());
            JsonNode unchanged = api.get("/api/v1/callbacks?own=true", annToken).json();
            assertEquals(2, unchanged.size(), "a refused change loses nothing");

            long later = tomorrow + 3_600_000L;
            ApiHarness.Reply moved = api.patch(task, annToken, "{\"dueAtMillis\":" + later + ",\"priority\":2}");
            assertEquals(200, moved.status(), moved.text());
            assertEquals(later, moved.json().get("dueMillis").asLong());
            JsonNode contact = api.get("/api/v1/campaigns/" + id + "/contacts/" + copied.get("contactId"), api.adminToken).json();
            assertEquals(later, contact.get("nextDueMillis").asLong(), "the contact waits for the new time");

            ApiHarness.Reply handed = api.patch(task, api.adminToken, "{\"ownerUserId\":" + bob.get("id") + "}");
            assertEquals(200, handed.status(), handed.text());
            assertEquals(bob.get("id").asLong(), handed.json().get("ownerUserId").asLong());
            assertTrue(handed.json().get("personal").asBoolean());
            contact = api.get("/api/v1/campaigns/" + id + "/contacts/" + copied.get("contactId"), api.adminToken).json();
            assertEquals(bob.get("id").asLong(), contact.get("ownerAgentId").asLong(), "dialled only to bob now");
            assertEquals(404, api.patch(task, annToken, "{\"priority\":1}").status(), "no longer ann's to see");

            api.post("/api/v1/callbacks/" + tasks.get(0).get("id") + "/done", annToken, "");
            ApiHarness.Reply done = api.patch("/api/v1/callbacks/" + tasks.get(0).get("id"), annToken, "{\"priority\":1}");
            assertEquals(409, done.status());
        }
    }
}
