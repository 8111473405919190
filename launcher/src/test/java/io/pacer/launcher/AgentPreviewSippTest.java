package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import org.junit.jupiter.api.Test;

/**
 * The agent's flow over HTTP with real SIP on loopback: the agent logs in (Pacer calls its SIPp phone), takes a
 * preview record, accepts it, Pacer calls the SIPp customer and bridges it, the agent hangs up over HTTP (the
 * customer gets Pacer's BYE), and saves the outcome with a note, which lands in the record's history. The accept
 * carries the display number the agent picked: one the campaign does not have is refused naming the field, and the
 * one it has is what the customer's INVITE presents in From and P-Asserted-Identity.
 */
class AgentPreviewSippTest {

    private static final int AGENT = OnePhonePacer.AGENT;

    @Test
    void anAgentPreviewsOverHttpAcceptsAndTheSippCustomerIsCalledBridgedAndHungUp() throws Exception {
        try (SippPeer phone = SippPeer.uas("agent-answer-notices.xml");
             SippPeer customer = SippPeer.uas("carrier-answer.xml", true)) {
            try (Pacer pacer = OnePhonePacer.start(customer, phone, 28200, "engine-sipp")) {
                ApiHarness api = ApiHarness.client(pacer.api().port(), "admin-token");
                JsonNode ann = api.user("ann", "AGENT");
                assertEquals(AGENT, ann.get("id").asInt(), "the SIP agent is user 2, after the admin");
                String token = ann.get("token").asText();
                long id = api.campaign("\"dialMode\":\"PREVIEW\",\"responsibleUsers\":[" + AGENT + "],"
                        + "\"displayNumbers\":[\"+4930555000\",\"+4989555000\"]");
                api.importCsv(id, "APPEND", "phone,name\n+4930111111,Anna\n", "");
                assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status());

                ApiHarness.Reply login = api.post("/api/v1/campaigns/" + id + "/agents/me/login", token, "");
                assertEquals(202, login.status(), "Pacer calls the phone first: " + login.text());
                await(api, token, "READY");

                JsonNode offered = null;
                for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(100)) {
                    offered = api.post("/api/v1/agents/me/next", token, "").json();
                    if (offered.get("agent").get("offerOpen").asBoolean()) {
                        break;
                    }
                }
                assertTrue(offered.get("agent").get("offerOpen").asBoolean(), offered.toString());
                long contactId = offered.get("record").get("contact").get("id").asLong();
                assertEquals("Anna", offered.get("record").get("contact").get("name").asText());

                ApiHarness.Reply foreign = api.post("/api/v1/agents/me/offer", token, "{\"contactId\":" + contactId
                        + ",\"decision\":\"ACCEPT\",\"callerId\":\"+4940555000\"}");
                assertEquals(400, foreign.status(), foreign.text());
                assertTrue(foreign.text().contains("\"callerId\""), "the problem names the field: " + foreign.text());
                assertTrue(api.get("/api/v1/agents/me", token).json().get("agent").get("offerOpen").asBoolean(),
                        "a refused accept changes nothing");
                api.post("/api/v1/agents/me/offer", token, "{\"contactId\":" + contactId
                        + ",\"decision\":\"ACCEPT\",\"callerId\":\"+4989555000\"}");
                JsonNode talking = await(api, token, "ON_CALL");
                long callId = talking.get("agent").get("callId").asLong();
                assertEquals(contactId, talking.get("record").get("contact").get("id").asLong());

                api.post("/api/v1/agents/me/hangup", token, "");
                assertEquals(0, customer.awaitExit(10_000), "the customer got no BYE:\n" + customer.output());
                await(api, token, "WRAP_UP");
                ApiHarness.Reply saved = api.post("/api/v1/calls/" + callId + "/outcome", token,
                        "{\"outcome\":\"DONE\",\"note\":\"sent the offer\"}");
                assertEquals(200, saved.status(), saved.text());
                JsonNode record = api.get("/api/v1/agents/me", token).json().get("record");
                JsonNode activity = record.get("activities").get(0);
                assertEquals("sent the offer", activity.get("note").asText());
                assertEquals("+4930111111", activity.get("calledNumber").asText());
                assertEquals("+4989555000", activity.get("callerId").asText(), "the display number the agent picked");
                String invite = customer.messages();
                assertTrue(java.util.regex.Pattern.compile("^From:[^\\n]*sip:\\+4989555000@", java.util.regex.Pattern.MULTILINE)
                        .matcher(invite).find(), "From presents the pick:\n" + invite);
                assertTrue(java.util.regex.Pattern.compile("^P-Asserted-Identity: *<sip:\\+4989555000@", java.util.regex.Pattern.MULTILINE)
                        .matcher(invite).find(), "P-Asserted-Identity presents the pick:\n" + invite);
                assertTrue(activity.get("durationMillis").asLong() >= 0 && activity.get("endMillis").asLong()
                        >= activity.get("startMillis").asLong(), activity.toString());
                assertEquals(200, api.post("/api/v1/agents/me/logout", token, "").status());
                assertEquals(0, phone.awaitExit(10_000), "the phone's session did not end:\n" + phone.output());
            }
        }
    }

    private static JsonNode await(ApiHarness api, String token, String state) throws InterruptedException {
        JsonNode desk = null;
        for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(50)) {
            desk = api.get("/api/v1/agents/me", token).json();
            if (state.equals(desk.get("agent").get("state").asText())) {
                return desk;
            }
        }
        throw new AssertionError("agent never " + state + ": " + desk);
    }
}
