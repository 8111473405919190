package io.pacer.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.Telephony;
import io.pacer.engine.store.Database;
import io.pacer.engine.store.Role;
import io.pacer.engine.store.Storage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real core on its ring with storage's hopper and journal and the HTTP API: a campaign started through
 * the API is dialled by the core from the hopper, every call lands in the journal, and the agent's outcome
 * through the API closes the contact.
 */
class LiveEngineTest {

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
        public void abandon(long callId, String messageId) {
        }

        @Override
        public void offerPreview(int agentId, long contactId, String number) {
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.engine.store.TestDatabases#both")
    void aCampaignStartedThroughTheApiIsDialledByTheCoreAndItsCallsAreRecorded(Supplier<Database> db) throws Exception {
        AnsweringTelephony telephony = new AnsweringTelephony();
        try (Storage storage = Storage.over(db.get(), "engine-live", SystemClock.INSTANCE);
             EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, telephony, storage.hopper(),
                     storage.journal(), 1024);
             ApiServer server = new ApiServer(storage, new RingEngineControl(ring), "127.0.0.1", 0)) {
            telephony.ring = ring;
            storage.users().ensure("admin", Role.ADMIN, "admin-token");
            ApiHarness api = ApiHarness.client(server.port(), "admin-token");
            JsonNode agent = api.user("ann", "AGENT");
            int agentId = agent.get("id").asInt();
            long id = api.campaign("\"dialMode\":\"PROGRESSIVE\",\"responsibleUsers\":[" + agentId + "]");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n+4930333333,C\n", "");
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
                assertEquals(200, api.post("/api/v1/agents/me/ready", agentToken, "").status());
            }
            JsonNode closed = api.get("/api/v1/campaigns/" + id + "/contacts?state=CLOSED", "admin-token").json();
            assertEquals(3, closed.size());
            JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats", "admin-token").json();
            assertEquals(3, stats.get("live").get("connects").asLong(), stats.toString());
            assertEquals(3, api.get("/api/v1/calls?campaignId=" + id, agent.get("token").asText()).json().size());
            api.post("/api/v1/campaigns/" + id + "/stop", "admin-token", "");
        }
    }
}
