package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Values that parse but make no sense are refused with the field named, and nothing is stored. */
class InputValidationApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void campaignSettingsAndOutcomesThatWouldMisbehaveAreRefused(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            String campaign = "/api/v1/campaigns/" + id;
            ApiHarness.Reply region = api.patch(campaign, api.adminToken, "{\"defaultRegion\":\"ZZ\"}");
            assertEquals(400, region.status(), "with region ZZ every national number would fail");
            assertEquals("defaultRegion", region.get("errors").get(0).get("field").asText());
            ApiHarness.Reply wide = api.patch(campaign, api.adminToken, "{\"maxChannels\":4294967297}");
            assertEquals(400, wide.status(), "2^32+1 must not be truncated to 1");
            assertEquals("maxChannels", wide.get("errors").get(0).get("field").asText());
            JsonNode stored = api.get(campaign, api.adminToken).json();
            assertEquals("US", stored.get("defaultRegion").asText());
            assertEquals(100, stored.get("maxChannels").asInt());

            ApiHarness.Reply done = api.post(campaign + "/outcomes", api.adminToken,
                    "{\"name\":\"done\",\"resultGroup\":\"X\",\"behaviour\":\"DO_NOT_CALL\"}");
            assertEquals(400, done.status(), "a custom DONE would shadow the built-in one");
            assertEquals("name", done.get("errors").get(0).get("field").asText());
            assertEquals(0, api.get(campaign + "/outcomes", api.adminToken).json().size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aCallbackNeedsItsAlarmBeforeItAndAGroupTheAgentIsIn(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            JsonNode bob = api.user("bob", "AGENT");
            long team = api.post("/api/v1/groups", api.adminToken, "{\"name\":\"bobs\",\"members\":[" + bob.get("id") + "]}")
                    .get("id").asLong();
            long id = api.campaign("\"responsibleUsers\":[" + ann.get("id") + "]");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            ContactSlot slot = api.takeFromHopper(id);
            long callId = api.finishCall(id, slot, (int) ann.get("id").asLong(), CallOutcome.CONNECTED);
            String outcome = "/api/v1/calls/" + callId + "/outcome";
            String token = ann.get("token").asText();

            ApiHarness.Reply late = api.post(outcome, token, "{\"outcome\":\"CALL_AGAIN\",\"callback\":"
                    + "{\"dueAt\":\"2031-01-01T09:00:00Z\",\"alarmAt\":\"2031-01-01T10:00:00Z\"}}");
            assertEquals(400, late.status(), late.text());
            assertEquals("callback.alarmAt", late.get("errors").get(0).get("field").asText());

            ApiHarness.Reply foreign = api.post(outcome, token, "{\"outcome\":\"CALL_AGAIN\",\"callback\":"
                    + "{\"dueAt\":\"2031-01-01T09:00:00Z\",\"ownerGroupId\":" + team + "}}");
            assertEquals(403, foreign.status(), foreign.text());
            assertEquals("callback.ownerGroupId", foreign.get("errors").get(0).get("field").asText());

            assertEquals(0, api.get("/api/v1/callbacks", api.adminToken).json().size(), "no callback was stored");
            ApiHarness.Reply fine = api.post(outcome, token, "{\"outcome\":\"CALL_AGAIN\",\"callback\":"
                    + "{\"dueAt\":\"2031-01-01T09:00:00Z\",\"alarmAt\":\"2031-01-01T08:45:00Z\"}}");
            assertEquals(200, fine.status(), fine.text());
        }
    }
}
