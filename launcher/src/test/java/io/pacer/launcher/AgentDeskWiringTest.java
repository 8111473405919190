package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.port.Telephony;
import io.pacer.store.TestDatabases;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's flow over HTTP against the real core, storage's hopper and journal, on both databases: next,
 * the record, accept, hang up, save and next, the preview timeout with its pause, a pause with a reason, and
 * responsibles the core enforces when they change.
 */
class AgentDeskWiringTest {

    /** Answers every call at once and ends it when told to hang up, from other threads, as an adapter would. */
    private static final class AnsweringTelephony implements Telephony {
        final LinkedBlockingQueue<Long> bridged = new LinkedBlockingQueue<>();
        volatile EngineRing ring;

        @Override
        public void dial(long callId, int campaignId, long contactId, String number, String callerId, long ringTimeoutMillis) {
            new Thread(() -> ring.callAnswered(callId)).start();
        }

        @Override
        public void cancel(long callId) {
        }

        @Override
        public void bridge(long callId, int agentId) {
            bridged.add(callId);
        }

        @Override
        public void hangUp(long callId) {
            new Thread(() -> ring.callEnded(callId)).start();
        }

        @Override
        public void abandon(long callId) {
        }

        @Override
        public void offerPreview(int agentId, long contactId, String number) {
        }
    }

    static Stream<Named<String[]>> databases() {
        return Stream.of(Named.of("sqlite", new String[] {TestDatabases.sqliteUrl(), null}),
                Named.of("postgresql", new String[] {TestDatabases.postgresqlUrl(), "postgres"}));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAgentWorksAPreviewCampaignOverHttpFromNextToSaveAndNext(String[] db) throws Exception {
        AnsweringTelephony telephony = new AnsweringTelephony();
        try (Pacer pacer = Pacer.builder().telephony(telephony)
                .store(new Pacer.StoreSettings(db[0], db[1], null, "engine-desk", null))
                .api(new Pacer.ApiSettings("127.0.0.1", 0, "admin-token")).start()) {
            telephony.ring = pacer.ring();
            ApiHarness api = ApiHarness.client(pacer.api().port(), "admin-token");
            JsonNode ann = api.user("ann", "AGENT");
            String token = ann.get("token").asText();
            long id = api.campaign("\"dialMode\":\"PREVIEW\",\"responsibleUsers\":[" + ann.get("id") + "]");
            api.importCsv(id, "APPEND", "phone,name,plan\n+4930111111,Anna,gold\n+4930222222,Ben,silver\n", "&field=plan");
            ApiHarness.Reply rules = api.request("PUT", "/api/v1/campaigns/" + id + "/agent-rules", "admin-token",
                    "application/json", "{\"previewTimeoutMillis\":5000,\"maxMissedOffers\":1}");
            assertEquals(200, rules.status(), rules.text());
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status());
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/agents/me/login", token, "").status());

            JsonNode idle = api.get("/api/v1/agents/me", token).json();
            assertEquals("READY", idle.get("agent").get("state").asText());
            assertTrue(idle.get("record").isNull(), idle.toString());

            JsonNode offered = awaitOffer(api, token);
            JsonNode contact = offered.get("record").get("contact");
            long contactId = contact.get("id").asLong();
            assertEquals(contactId, offered.get("agent").get("contactId").asLong());
            assertTrue(contact.get("fields").has("plan"), contact.toString());

            ApiHarness.Reply wrong = api.post("/api/v1/agents/me/offer", token,
                    "{\"contactId\":" + (contactId + 1000) + ",\"decision\":\"ACCEPT\"}");
            assertEquals(409, wrong.status(), wrong.text());
            assertEquals("contactId", wrong.json().get("errors").get(0).get("field").asText());

            api.post("/api/v1/agents/me/offer", token, "{\"contactId\":" + contactId + ",\"decision\":\"ACCEPT\"}");
            Long callId = telephony.bridged.poll(20, TimeUnit.SECONDS);
            assertNotNull(callId, "the accepted record was not dialled and bridged");
            JsonNode talking = api.get("/api/v1/agents/me", token).json();
            assertEquals("ON_CALL", talking.get("agent").get("state").asText());
            // As a string: call ids exceed 2^53, where a JavaScript number would round them to another call.
            assertTrue(callId > (1L << 53), "call ids are beyond exact JavaScript numbers: " + callId);
            assertEquals(Long.toString(callId), talking.get("agent").get("callId").textValue(), "the call id as a string");
            assertEquals(contactId, talking.get("record").get("contact").get("id").asLong(), "the record of the call");

            JsonNode hungUp = api.post("/api/v1/agents/me/hangup", token, "").json();
            assertTrue(hungUp.get("agent").get("state").asText().matches("ON_CALL|WRAP_UP"), hungUp.toString());
            ApiHarness.Reply saved = api.post("/api/v1/agents/me/save-and-next", token,
                    "{\"callId\":\"" + callId + "\",\"outcome\":\"DONE\",\"note\":\"wants the brochure\"}");
            assertEquals(200, saved.status(), saved.text());
            assertEquals("DONE", saved.json().get("activity").get("outcome").asText());
            assertEquals("wants the brochure", saved.json().get("activity").get("note").asText());
            JsonNode next = saved.json().get("desk");
            assertEquals("RESERVED", next.get("agent").get("state").asText(), "save and next offers the next record");
            long nextContact = next.get("agent").get("contactId").asLong();
            assertTrue(nextContact != contactId && next.get("agent").get("offerOpen").asBoolean(), next.toString());

            // Nobody answers the second offer: it goes back at the timeout and the agent, one miss allowed, pauses.
            JsonNode paused = awaitState(api, token, "PAUSED", 15_000);
            assertEquals(1001, paused.get("agent").get("pauseReason").asInt());
            // The refill thread hands the record back to the list, whence the running campaign's hopper may take it
            // again at once: READY or queued (DIALING) again, but never charged an attempt.
            JsonNode back = api.get("/api/v1/campaigns/" + id + "/contacts/" + nextContact, "admin-token").json();
            assertTrue(back.get("state").asText().matches("READY|DIALING"), back.toString());
            assertEquals(0, back.get("attempts").asInt(), "the timed-out offer charged no attempt");

            api.post("/api/v1/agents/me/ready", token, "");
            JsonNode lunch = api.post("/api/v1/agents/me/pause", token, "{\"reasonCode\":7}").json();
            assertEquals("PAUSED", lunch.get("state").asText());
            assertEquals(7, api.get("/api/v1/agents/me", token).json().get("agent").get("pauseReason").asInt());
            assertEquals(400, api.post("/api/v1/agents/me/pause", token, "{\"reasonCode\":1001}").status(),
                    "the core's own codes are not the agent's to give");

            // Ann is no longer responsible: the core logs her out and she gets none of the campaign's calls.
            assertEquals(200, api.patch("/api/v1/campaigns/" + id, "admin-token", "{\"responsibleUsers\":[]}").status());
            assertEquals("LOGGED_OUT", awaitState(api, token, "LOGGED_OUT", 5_000).get("agent").get("state").asText());
            api.post("/api/v1/campaigns/" + id + "/stop", "admin-token", "");
        }
    }

    private static JsonNode awaitOffer(ApiHarness api, String token) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            // The hopper fills after the start: a next with nothing due leaves the agent ready.
            JsonNode desk = api.post("/api/v1/agents/me/next", token, "").json();
            if ("RESERVED".equals(desk.get("agent").get("state").asText()) || System.currentTimeMillis() > deadline) {
                assertEquals("RESERVED", desk.get("agent").get("state").asText(), desk.toString());
                assertTrue(desk.get("agent").get("offerOpen").asBoolean());
                return desk;
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode awaitState(ApiHarness api, String token, String state, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        JsonNode desk;
        do {
            desk = api.get("/api/v1/agents/me", token).json();
            if (state.equals(desk.get("agent").get("state").asText())) {
                return desk;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("agent never " + state + ": " + desk);
    }
}
