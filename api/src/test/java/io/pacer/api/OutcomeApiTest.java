package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomeApiTest {

    private static String contactState(ApiHarness api, long campaign, long contact) {
        return api.get("/api/v1/campaigns/" + campaign + "/contacts/" + contact, api.adminToken).get("state").asText();
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void agentRecordsOutcomesOfItsOwnCallsOnlyAndEachMovesTheContact(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            JsonNode bob = api.user("bob", "AGENT");
            long annId = ann.get("id").asLong();
            long id = api.campaign("\"responsibleUsers\":[" + annId + "],\"displayNumbers\":[\"+4930555555\"],"
                    + "\"subjectTemplate\":\"{calltype} {date} {time}: {callresult} ({callresultgroup})\","
                    + "\"retryRules\":{\"NOT_REACHABLE\":{\"delaySeconds\":3600,\"maxAttempts\":3}}");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n+4930333333,C\n+4930444444,D\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            Map<String, Long> calls = new HashMap<>();
            Map<String, Long> contacts = new HashMap<>();
            for (String outcome : new String[] {"DONE", "NO_INTEREST", "DO_NOT_CALL", "NOT_REACHABLE"}) {
                ContactSlot slot = api.takeFromHopper(id);
                contacts.put(outcome, slot.contactId);
                calls.put(outcome, api.finishCall(id, slot, (int) annId, CallOutcome.CONNECTED));
                assertEquals("AWAITING_OUTCOME", contactState(api, id, slot.contactId));
            }
            String annToken = ann.get("token").asText();
            String bobToken = bob.get("token").asText();
            ApiHarness.Reply notHis = api.post("/api/v1/calls/" + calls.get("DONE") + "/outcome", bobToken, "{\"outcome\":\"DONE\"}");
            assertEquals(404, notHis.status());
            assertEquals("callId", notHis.get("error").get("field").asText());
            assertEquals(0, api.get("/api/v1/calls", bobToken).json().size());
            assertEquals(4, api.get("/api/v1/calls", annToken).json().size());

            ApiHarness.Reply unknown = api.post("/api/v1/calls/" + calls.get("DONE") + "/outcome", annToken, "{\"outcome\":\"MAYBE\"}");
            assertEquals("outcome", unknown.get("error").get("field").asText());

            for (String outcome : contacts.keySet()) {
                ApiHarness.Reply r = api.post("/api/v1/calls/" + calls.get(outcome) + "/outcome", annToken,
                        "{\"outcome\":\"" + outcome + "\",\"note\":\"n\"}");
                assertEquals(200, r.status(), r.text());
                assertTrue(r.get("subject").asText().startsWith("Outbound call "), r.get("subject").asText());
                assertTrue(r.get("subject").asText().endsWith(": " + outcome + " (" + r.get("resultGroup").asText() + ")"));
                assertEquals("+4930555555", r.get("callerId").asText());
                assertEquals(55_000, r.get("durationMillis").asLong());
            }
            assertEquals("CLOSED", contactState(api, id, contacts.get("DONE")));
            assertEquals("CLOSED", contactState(api, id, contacts.get("NO_INTEREST")));
            assertEquals("CLOSED", contactState(api, id, contacts.get("DO_NOT_CALL")));
            assertEquals("READY", contactState(api, id, contacts.get("NOT_REACHABLE")));
            assertEquals(1, api.get("/api/v1/dnc?campaignId=" + id, api.adminToken).get("numbers").size());
            ApiHarness.Reply twice = api.post("/api/v1/calls/" + calls.get("DONE") + "/outcome", annToken, "{\"outcome\":\"DONE\"}");
            assertEquals(409, twice.status());

            JsonNode kase = api.get("/api/v1/campaigns/" + id + "/contacts/" + contacts.get("DONE") + "/activities", api.adminToken).json();
            assertEquals("Spring offer", kase.get("case").get("name").asText());
            assertEquals(1, kase.get("activities").size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void callAgainSchedulesACallbackThatIsDialledToItsOwnerAtItsTime(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            long annId = ann.get("id").asLong();
            String annToken = ann.get("token").asText();
            long id = api.campaign("\"responsibleUsers\":[" + annId + "]");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            ContactSlot slot = api.takeFromHopper(id);
            long call = api.finishCall(id, slot, (int) annId, CallOutcome.CONNECTED);

            ApiHarness.Reply past = api.post("/api/v1/calls/" + call + "/outcome", annToken,
                    "{\"outcome\":\"CALL_AGAIN\",\"callback\":{\"dueAt\":\"2020-01-01T10:00:00Z\"}}");
            assertEquals(400, past.status());
            assertEquals("callback.dueAt", past.get("error").get("field").asText());
            assertTrue(api.get("/api/v1/calls", annToken).json().get(0).get("outcome").isNull());
            assertEquals("AWAITING_OUTCOME", contactState(api, id, slot.contactId));

            long due = System.currentTimeMillis() + 3000;
            long alarm = due - 1500;
            ApiHarness.Reply ok = api.post("/api/v1/calls/" + call + "/outcome", annToken,
                    "{\"outcome\":\"CALL_AGAIN\",\"callback\":{\"dueAtMillis\":" + due + ",\"alarmAtMillis\":" + alarm
                            + ",\"number\":\"+4930999999\",\"personal\":true}}");
            assertEquals(200, ok.status(), ok.text());
            if (System.currentTimeMillis() < alarm) {
                assertEquals(0, api.get("/api/v1/callbacks/alarms", annToken).json().size(), "the alarm is not due yet");
            }
            while (System.currentTimeMillis() <= alarm) {
                Thread.sleep(20);
            }
            JsonNode alarms = api.get("/api/v1/callbacks/alarms", annToken).json();
            assertEquals(1, alarms.size(), alarms.toString());
            assertEquals(alarm, alarms.get(0).get("alarmMillis").asLong());
            java.net.HttpURLConnection sse = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:"
                    + api.server.port() + "/api/v1/callbacks/alarms/stream?periodMillis=100").openConnection();
            sse.setRequestProperty("Authorization", "Bearer " + annToken);
            assertEquals("text/event-stream", sse.getContentType());
            try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(sse.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                assertEquals("event: alarms", in.readLine());
                String data = in.readLine();
                assertEquals(alarm, ApiHarness.JSON.readTree(data.substring("data: ".length())).get(0).get("alarmMillis").asLong());
            }
            sse.disconnect();
            assertEquals(0, api.get("/api/v1/callbacks/alarms", api.user("carl", "AGENT").get("token").asText()).json().size(),
                    "only the owner is reminded");
            assertEquals("CALLBACK", contactState(api, id, slot.contactId));
            JsonNode open = api.get("/api/v1/callbacks?own=true&open=true", annToken).json();
            assertEquals(1, open.size());
            assertEquals(due, open.get(0).get("dueMillis").asLong());
            assertEquals("OPEN", open.get(0).get("state").asText());
            String bob = api.user("bob", "AGENT").get("token").asText();
            assertEquals(0, api.get("/api/v1/callbacks", bob).json().size());
            assertEquals(404, api.post("/api/v1/callbacks/" + open.get(0).get("id").asLong() + "/done", bob, "").status());

            ContactSlot again = api.takeFromHopper(id);
            assertTrue(System.currentTimeMillis() >= due);
            assertEquals(slot.contactId, again.contactId);
            assertEquals("+4930999999", again.number);
            assertEquals(annId, again.ownerAgentId);
            api.finishCall(id, again, (int) annId, CallOutcome.CONNECTED);
            assertEquals(0, api.get("/api/v1/callbacks?own=true&open=true", annToken).json().size());
            assertEquals(0, api.get("/api/v1/callbacks/alarms", annToken).json().size(), "a connected callback reminds no more");
            JsonNode kase = api.get("/api/v1/campaigns/" + id + "/contacts/" + slot.contactId + "/activities", api.adminToken).json();
            assertEquals(2, kase.get("activities").size());
            assertEquals(kase.get("activities").get(0).get("caseId").asLong(), kase.get("activities").get(1).get("caseId").asLong());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void unansweredCallsAreRecordedAndFollowTheRetryRules(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"retryRules\":{\"BUSY\":{\"delaySeconds\":0,\"maxAttempts\":2}}");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            ContactSlot slot = api.takeFromHopper(id);
            api.finishCall(id, slot, -1, CallOutcome.BUSY);
            JsonNode contact = api.get("/api/v1/campaigns/" + id + "/contacts/" + slot.contactId, api.adminToken).json();
            // Due again at once (delay 0): the hopper may already have taken it back.
            assertTrue(List.of("READY", "DIALING").contains(contact.get("state").asText()), contact.toString());
            assertEquals(1, contact.get("attempts").asInt());
            api.finishCall(id, api.takeFromHopper(id), -1, CallOutcome.BUSY);
            assertEquals("EXHAUSTED", contactState(api, id, slot.contactId));
            JsonNode calls = api.get("/api/v1/calls?campaignId=" + id, api.adminToken).json();
            assertEquals(2, calls.size());
            assertEquals("BUSY", calls.get(0).get("callOutcome").asText());
            assertEquals(0, calls.get(0).get("durationMillis").asLong());
            assertEquals(-1, calls.get(0).get("answerMillis").asLong());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void customOutcomesCarryTheirResultGroupAndPreviewDecisionsApplyBeforeDialling(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            long annId = ann.get("id").asLong();
            String annToken = ann.get("token").asText();
            long id = api.campaign("\"dialMode\":\"PREVIEW\",\"responsibleUsers\":[" + annId + "]");
            ApiHarness.Reply custom = api.post("/api/v1/campaigns/" + id + "/outcomes", api.adminToken,
                    "{\"name\":\"Appointment\",\"resultGroup\":\"Success\",\"behaviour\":\"DONE\"}");
            assertEquals(201, custom.status(), custom.text());
            assertEquals("behaviour", api.post("/api/v1/campaigns/" + id + "/outcomes", api.adminToken,
                    "{\"name\":\"X\",\"resultGroup\":\"Y\",\"behaviour\":\"LATER\"}").get("error").get("field").asText());
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n+4930333333,C\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");

            ContactSlot called = api.takeFromHopper(id);
            long call = api.finishCall(id, called, (int) annId, CallOutcome.CONNECTED);
            ApiHarness.Reply r = api.post("/api/v1/calls/" + call + "/outcome", annToken, "{\"outcome\":\"Appointment\"}");
            assertEquals("Success", r.get("resultGroup").asText());
            assertEquals("CLOSED", contactState(api, id, called.contactId));

            ContactSlot skipped = api.takeFromHopper(id);
            String preview = "/api/v1/campaigns/" + id + "/contacts/";
            ApiHarness.Reply later = api.post(preview + skipped.contactId + "/preview", annToken,
                    "{\"decision\":\"CALL_LATER\",\"dueAt\":\"2099-01-01T09:00:00Z\"}");
            assertEquals(200, later.status(), later.text());
            assertEquals("READY", later.get("state").asText());
            assertEquals(4070941200000L, later.get("nextDueMillis").asLong());
            assertEquals(0, later.get("attempts").asInt());

            ContactSlot blocked = api.takeFromHopper(id);
            assertEquals("dueAt", api.post(preview + blocked.contactId + "/preview", annToken,
                    "{\"decision\":\"CALL_LATER\",\"dueAt\":\"2001-01-01T09:00:00Z\"}").get("error").get("field").asText());
            ApiHarness.Reply dnc = api.post(preview + blocked.contactId + "/preview", annToken, "{\"decision\":\"DO_NOT_CALL\"}");
            assertEquals("CLOSED", dnc.get("state").asText());
            assertTrue(api.storage.doNotCall().blocks(id, blocked.number));

            String stranger = api.user("sue", "AGENT").get("token").asText();
            assertEquals(404, api.post(preview + skipped.contactId + "/preview", stranger, "{\"decision\":\"SKIP\"}").status());
        }
    }
}
