package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.AmdAction;
import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A campaign's answering-machine detection through the API: read, changed field by field or by preset, refused
 * naming the field, and every call's verdict stored and shown with its call; a vacant number's SIT is never
 * retried, a machine under Ofcom not for 24 hours, and the Ofcom false-positive estimate is in the audit.
 */
class AmdApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void settingsAreOffUntilSetAndEachChangeIsCheckedNamingTheField(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            String path = "/api/v1/campaigns/" + id + "/amd";
            ApiHarness.Reply off = api.get(path, api.adminToken);
            assertEquals(200, off.status(), off.text());
            assertFalse(off.get("enabled").asBoolean());
            assertEquals("cautious", off.get("preset").asText());

            ApiHarness.Reply on = api.patch(path, api.adminToken,
                    "{\"enabled\":true,\"preset\":\"aggressive\",\"machineAction\":\"MESSAGE_DROP\",\"maxWords\":5}");
            assertEquals(200, on.status(), on.text());
            assertTrue(on.get("enabled").asBoolean());
            assertEquals(1200, on.get("greetingMillis").asInt(), "the preset's greeting");
            assertEquals(5, on.get("maxWords").asInt(), "a field given overrides the preset");
            assertEquals("MESSAGE_DROP", on.get("machineAction").asText());
            assertEquals(on.json(), api.get(path, api.adminToken).json(), "stored");

            refused(api.patch(path, api.adminToken, "{\"maxWords\":0}"), "maxWords");
            refused(api.patch(path, api.adminToken, "{\"machineAction\":\"SHOUT\"}"), "machineAction");
            refused(api.patch(path, api.adminToken, "{\"preset\":\"paranoid\"}"), "preset");
            refused(api.patch(path, api.adminToken, "{\"falsePositiveRate\":1.0}"), "falsePositiveRate");
            refused(api.patch(path, api.adminToken, "{\"greeting\":1500}"), "greeting");
            assertEquals(on.json(), api.get(path, api.adminToken).json(), "nothing refused was stored");
            assertEquals(404, api.get("/api/v1/campaigns/999/amd", api.adminToken).status());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void eachVerdictIsStoredWithItsCallAndDecidesTheContactsRetry(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"regime\":\"ofcom\",\"timeZone\":\"Europe/London\","
                    + "\"retryRules\":{\"NO_ANSWER\":{\"delaySeconds\":60,\"maxAttempts\":5}}");
            api.importCsv(id, "APPEND", "phone,name\n+442079460001,A\n+442079460002,B\n+442079460003,C\n", "");
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            ContactSlot machine = api.takeFromHopper(id);
            ContactSlot vacant = api.takeFromHopper(id);
            ContactSlot person = api.takeFromHopper(id);
            long before = System.currentTimeMillis();
            record(api, id, machine, CallOutcome.MACHINE, AmdVerdict.MACHINE, AmdCause.MAX_WORDS, 2_140,
                    AmdAction.MESSAGE_DROP, 0);
            record(api, id, vacant, CallOutcome.INVALID_NUMBER, AmdVerdict.SIT_VACANT, AmdCause.NONE, 1_020,
                    AmdAction.HANG_UP, 0);
            record(api, id, person, CallOutcome.CONNECTED, AmdVerdict.HUMAN, AmdCause.HUMAN, 1_480, AmdAction.AGENT, 1);

            JsonNode calls = api.get("/api/v1/calls?campaignId=" + id, api.adminToken).json();
            assertEquals(3, calls.size(), calls.toString());
            JsonNode first = byVerdict(calls, "MACHINE");
            assertEquals("MACHINE", first.get("verdict").asText());
            assertEquals("MAX_WORDS", first.get("cause").asText());
            assertEquals(2_140, first.get("decisionMillis").asInt());
            assertEquals("MESSAGE_DROP", first.get("action").asText());
            assertEquals(1_020, byVerdict(calls, "SIT_VACANT").get("decisionMillis").asInt());

            JsonNode m = api.get("/api/v1/campaigns/" + id + "/contacts/" + machine.contactId, api.adminToken).json();
            assertEquals("READY", m.get("state").asText());
            assertTrue(m.get("nextDueMillis").asLong() >= before + 24 * 3_600_000L - 120_000,
                    "under Ofcom a machine is not called again within 24 h, whatever the rule's 60 s: " + m);
            assertEquals("EXHAUSTED", api.get("/api/v1/campaigns/" + id + "/contacts/" + vacant.contactId, api.adminToken).json()
                    .get("state").asText(), "a vacant number is never retried");

            // The person's verdict carried one estimated false positive: an answer and an abandon in the audit.
            JsonNode audit = api.get("/api/v1/campaigns/" + id + "/compliance", api.adminToken).json();
            assertEquals(2, audit.get("answers").asLong(), audit.toString());
            assertEquals(1, audit.get("abandons").asLong(), audit.toString());
        }
    }

    private static void record(ApiHarness api, long campaignId, ContactSlot slot, CallOutcome outcome, AmdVerdict verdict,
                               AmdCause cause, int decisionMillis, AmdAction action, int falsePositives) {
        CallRecord r = new CallRecord();
        r.callId = System.nanoTime();
        r.campaignId = (int) campaignId;
        r.contactId = slot.contactId;
        r.number = slot.number;
        r.outcome = outcome;
        r.startEpochMillis = System.currentTimeMillis() - 10_000;
        r.dialNanos = 0;
        r.answerNanos = 3_000_000_000L;
        r.endNanos = 8_000_000_000L;
        r.agentId = outcome == CallOutcome.CONNECTED ? 1 : -1;
        r.amdVerdict = verdict;
        r.amdCause = cause;
        r.amdDecisionMillis = decisionMillis;
        r.amdAction = action;
        r.amdFalsePositives = falsePositives;
        api.storage.callJournal().record(r);
        assertTrue(api.storage.journal().flush(10_000));
    }

    private static JsonNode byVerdict(JsonNode calls, String verdict) {
        for (JsonNode call : calls) {
            if (verdict.equals(call.get("amd").get("verdict").asText())) {
                return call.get("amd");
            }
        }
        throw new AssertionError("no " + verdict + " in " + calls);
    }

    private static void refused(ApiHarness.Reply r, String field) {
        assertEquals(400, r.status(), r.text());
        assertEquals(field, r.get("error").get("field").asText(), r.text());
    }
}
