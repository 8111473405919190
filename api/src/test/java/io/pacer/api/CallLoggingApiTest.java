package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call's activity holds what the CTI connector logs (duration, note, caller ID, called ID, start, end,
 * result, result group); unanswered calls are filed with the result "No answer" unless the campaign turns that
 * off, and the attempt counts either way. On both databases.
 */
class CallLoggingApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void unansweredCallsAreFiledAsNoAnswerUnlessTheCampaignTurnsItOff(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            long annId = ann.get("id").asLong();
            long id = api.campaign("\"responsibleUsers\":[" + annId + "],\"displayNumbers\":[\"+4930555555\"]");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n+4930333333,C\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            String logging = "/api/v1/campaigns/" + id + "/call-logging";
            assertTrue(api.get(logging, api.adminToken).json().get("logUnanswered").asBoolean(), "on by default");

            api.finishCall(id, api.takeFromHopper(id), -1, CallOutcome.NO_ANSWER);
            JsonNode filed = api.get("/api/v1/calls?campaignId=" + id, api.adminToken).json().get(0);
            assertEquals("No answer", filed.get("outcome").asText());
            assertEquals("Not reached", filed.get("resultGroup").asText());
            assertEquals("NO_ANSWER", filed.get("callOutcome").asText());
            assertEquals(0, filed.get("durationMillis").asLong());
            assertEquals("+4930555555", filed.get("callerId").asText());
            assertTrue(filed.get("calledNumber").asText().startsWith("+4930"));
            assertTrue(filed.get("endMillis").asLong() > filed.get("startMillis").asLong());

            ApiHarness.Reply bad = api.request("PUT", logging, api.adminToken, "application/json", "{}");
            assertEquals(400, bad.status());
            assertEquals(200, api.request("PUT", logging, api.adminToken, "application/json",
                    "{\"logUnanswered\":false}").status());
            ContactSlot quiet = api.takeFromHopper(id);
            api.finishCall(id, quiet, -1, CallOutcome.BUSY);
            assertEquals(1, api.get("/api/v1/calls?campaignId=" + id, api.adminToken).json().size(), "not filed");
            JsonNode contact = api.get("/api/v1/campaigns/" + id + "/contacts/" + quiet.contactId, api.adminToken).json();
            assertEquals(1, contact.get("attempts").asInt(), "the attempt still counts");

            ContactSlot talked = api.takeFromHopper(id);
            long call = api.finishCall(id, talked, (int) annId, CallOutcome.CONNECTED);
            api.post("/api/v1/calls/" + call + "/outcome", ann.get("token").asText(), "{\"outcome\":\"DONE\",\"note\":\"ok\"}");
            JsonNode answered = api.get("/api/v1/calls?campaignId=" + id, api.adminToken).json().get(0);
            assertEquals(call, answered.get("callId").asLong(), "answered calls are always filed");
            assertEquals("DONE", answered.get("outcome").asText());
            assertEquals("ok", answered.get("note").asText());
            assertEquals(55_000, answered.get("durationMillis").asLong());
        }
    }
}
