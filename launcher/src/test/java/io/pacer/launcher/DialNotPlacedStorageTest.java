package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.EngineRing;
import io.pacer.store.TestDatabases;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pacer as the composition root builds it, with storage: dials the trunk cannot place (the SIP adapter reports
 * them with {@code callNotPlaced} during a 503 back-off or with its channels full) go back to the hopper and the
 * database untouched. Every contact ends with exactly the attempts its INVITEs made, and the ones handed back
 * keep their due time.
 */
class DialNotPlacedStorageTest {

    /** Hands dials back unplaced while "backing off", as the adapter does; afterwards finds every number busy. */
    private static final class BackingOffTelephony extends DialOnlyTelephony {
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger invites = new AtomicInteger();
        volatile boolean backingOff = true;
        volatile EngineRing ring;

        @Override
        public void dial(long callId, int campaignId, long contactId, String number, String callerId, long ringTimeoutMillis) {
            // Reported from another thread, as the adapter does: never back into the core from its own thread.
            if (backingOff) {
                refusals.incrementAndGet();
                new Thread(() -> ring.callNotPlaced(callId, 50)).start();
            } else {
                invites.incrementAndGet();
                new Thread(() -> ring.callFailed(callId, CallOutcome.BUSY)).start();
            }
        }

    }

    static Stream<Named<String[]>> databases() {
        return Stream.of(Named.of("sqlite", new String[] {TestDatabases.sqliteUrl(), null}),
                Named.of("postgresql", new String[] {TestDatabases.postgresqlUrl(), "postgres"}));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void dialsNotPlacedChargeNoAttemptAndKeepTheContactsDue(String[] db) throws Exception {
        int contacts = 4;
        BackingOffTelephony telephony = new BackingOffTelephony();
        try (Pacer pacer = Pacer.builder().telephony(telephony)
                .store(new Pacer.StoreSettings(db[0], db[1], null, "engine-not-placed", null))
                .api(new Pacer.ApiSettings("127.0.0.1", 0, "admin-token")).start()) {
            telephony.ring = pacer.ring();
            ApiHarness api = ApiHarness.client(pacer.api().port(), "admin-token");
            JsonNode agent = api.user("bea", "AGENT");
            long id = api.campaign("\"dialMode\":\"PROGRESSIVE\",\"responsibleUsers\":[" + agent.get("id").asInt() + "]");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n+4930333333,C\n+4930444444,D\n", "");
            Map<Long, Long> dueBefore = new HashMap<>();
            for (JsonNode c : api.get("/api/v1/campaigns/" + id + "/contacts", "admin-token").json()) {
                dueBefore.put(c.get("id").asLong(), c.get("nextDueMillis").asLong());
            }
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status());
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/agents/me/login", agent.get("token").asText(), "")
                    .status());

            long deadline = System.currentTimeMillis() + 20_000;
            while (telephony.refusals.get() < 6 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(telephony.refusals.get() >= 6, "the core did not dial during the back-off");
            // Let the hopper's refill thread write the give-backs, then look: nothing charged, nothing moved.
            Thread.sleep(500);
            for (JsonNode c : api.get("/api/v1/campaigns/" + id + "/contacts", "admin-token").json()) {
                assertEquals(0, c.get("attempts").asInt(), "charged for a call never placed: " + c);
                assertEquals(dueBefore.get(c.get("id").asLong()), c.get("nextDueMillis").asLong(), "due time moved: " + c);
                assertTrue(!"CLOSED".equals(c.get("state").asText()), "closed by a call never placed: " + c);
            }
            assertEquals(0, api.get("/api/v1/calls?campaignId=" + id, "admin-token").json().size(),
                    "a journal record for a call never placed");

            telephony.backingOff = false;
            JsonNode all = awaitAttempts(api, id, contacts, 30_000);
            assertEquals(contacts, telephony.invites.get(), "every contact dialled once once the trunk took calls");
            for (JsonNode c : all) {
                assertEquals(1, c.get("attempts").asInt(), "contact " + c + ": one INVITE, one attempt");
            }
            assertEquals(contacts, api.get("/api/v1/calls?campaignId=" + id, "admin-token").json().size());
            JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats", "admin-token").json();
            assertEquals(contacts, stats.get("live").get("dials").asLong(), stats.toString());
            assertTrue(stats.get("live").get("notPlaced").asLong() >= 6, stats.toString());
        }
    }

    /** Waits until every contact has an attempt written, and returns the contacts. */
    private static JsonNode awaitAttempts(ApiHarness api, long campaign, int contacts, long timeoutMillis)
            throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        JsonNode all;
        do {
            Thread.sleep(100);
            all = api.get("/api/v1/campaigns/" + campaign + "/contacts", "admin-token").json();
            int attempted = 0;
            for (JsonNode c : all) {
                attempted += c.get("attempts").asInt() > 0 ? 1 : 0;
            }
            if (attempted == contacts) {
                return all;
            }
        } while (System.currentTimeMillis() < deadline);
        return all;
    }
}
