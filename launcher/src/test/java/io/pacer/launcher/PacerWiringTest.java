package io.pacer.launcher;

import io.pacer.api.ApiHarness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Pacer as the composition root builds it for {@code pacer run}: the real core on its ring with storage's hopper and journal and the HTTP API: a campaign started through
 * the API is dialled by the core from the hopper, every call lands in the journal, and the agent's outcome
 * through the API closes the contact.
 */
class PacerWiringTest {

    /** Answers every call at once from another thread, as an adapter would, and reports bridges. */
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

    private static Pacer start(String[] db, AnsweringTelephony telephony) throws Exception {
        Pacer pacer = Pacer.builder().telephony(telephony)
                .store(new Pacer.StoreSettings(db[0], db[1], null, "engine-live", null))
                .api(new Pacer.ApiSettings("127.0.0.1", 0, "admin-token")).start();
        telephony.ring = pacer.ring();
        return pacer;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCampaignStartedThroughTheApiIsDialledByTheCoreAndResumedAfterARestart(String[] db) throws Exception {
        AnsweringTelephony telephony = new AnsweringTelephony();
        long id;
        JsonNode agent;
        try (Pacer engine = start(db, telephony)) {
            EngineRing ring = engine.ring();
            ApiHarness api = ApiHarness.client(engine.api().port(), "admin-token");
            agent = api.user("ann", "AGENT");
            int agentId = agent.get("id").asInt();
            id = api.campaign("\"dialMode\":\"PROGRESSIVE\",\"responsibleUsers\":[" + agentId + "]");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n+4930333333,C\n+4930444444,D\n", "");
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status());
            String agentToken = agent.get("token").asText();
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/agents/me/login", agentToken, "").status());

            for (int i = 0; i < 3; i++) {
                Long callId = telephony.bridged.poll(20, TimeUnit.SECONDS);
                assertNotNull(callId, "call " + i + " was not bridged");
                ring.callEnded(callId);
                ApiHarness.Reply outcome = api.post("/api/v1/calls/" + callId + "/outcome", agent.get("token").asText(),
                        "{\"outcome\":\"DONE\"}");
                assertEquals(200, outcome.status(), outcome.text());
                if (i < 2) {
                    // After the third call the agent stays in wrap-up, so the fourth contact waits for the restart.
                    assertEquals(200, api.post("/api/v1/agents/me/ready", agentToken, "").status());
                }
            }
            JsonNode closed = api.get("/api/v1/campaigns/" + id + "/contacts?state=CLOSED", "admin-token").json();
            assertEquals(3, closed.size());
            JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats", "admin-token").json();
            assertEquals(3, stats.get("live").get("connects").asLong(), stats.toString());
            String metrics = api.get("/metrics", "admin-token").text();
            assertTrue(metrics.matches("(?s).*pacer_connects\\{campaign=\"[^\"]*#" + id + "\"} 3\\.0.*"), metrics);
            assertEquals(3, api.get("/api/v1/calls?campaignId=" + id, agent.get("token").asText()).json().size());
        }
        // The clean stop keeps the lock: the restarted engine resumes the campaign and dials the last contact.
        try (Pacer engine = start(db, telephony)) {
            ApiHarness api = ApiHarness.client(engine.api().port(), "admin-token");
            String agentToken = agent.get("token").asText();
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/agents/me/login", agentToken, "").status());
            Long callId = telephony.bridged.poll(20, TimeUnit.SECONDS);
            assertNotNull(callId, "the resumed campaign was not dialled");
            engine.ring().callEnded(callId);
            assertEquals(200, api.post("/api/v1/calls/" + callId + "/outcome", agentToken, "{\"outcome\":\"DONE\"}").status());
            assertEquals(4, api.get("/api/v1/campaigns/" + id + "/contacts?state=CLOSED", "admin-token").json().size());
            assertEquals(0, api.get("/api/v1/campaigns/" + id + "/contacts?state=DIALING", "admin-token").json().size());
            api.post("/api/v1/campaigns/" + id + "/stop", "admin-token", "");
        }
    }
}
