package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import org.junit.jupiter.api.Test;

/**
 * A trunk's back-off seen by a supervisor: a SIPp carrier answers the first INVITE 503 with an 8 s Retry-After, and
 * {@code GET /api/v1/trunks}, the campaign's {@code /stats} and {@code /metrics} all show the trunk backing off,
 * then free again once the carrier's time is up; the contact is charged for the one INVITE only.
 */
class TrunkStateApiTest {

    private static final int AGENT = OnePhonePacer.AGENT;

    @Test
    void aCarriersRetryAfterShowsAsBackOffInTrunksStatsAndMetricsUntilItEnds() throws Exception {
        try (SippPeer phone = SippPeer.uas("agent-answer-notices.xml");
             SippPeer carrier = SippPeer.uas("carrier-congested-8s.xml")) {
            try (Pacer pacer = OnePhonePacer.start(carrier, phone, 28600, "engine-trunks")) {
                ApiHarness api = ApiHarness.client(pacer.api().port(), "admin-token");
                JsonNode before = api.get("/api/v1/trunks", "admin-token").json().get("trunks");
                assertEquals(1, before.size(), before.toString());
                assertEquals("carrier", before.get(0).get("name").asText());
                assertTrue(before.get(0).get("up").asBoolean() && !before.get(0).get("backingOff").asBoolean(),
                        before.toString());

                JsonNode ann = api.user("ann", "AGENT");
                assertEquals(AGENT, ann.get("id").asInt(), "the SIP agent is user 2, after the admin");
                long id = api.campaign("\"dialMode\":\"PROGRESSIVE\",\"responsibleUsers\":[" + AGENT + "]");
                api.importCsv(id, "APPEND", "phone,name\n+4930111111,Anna\n", "");
                assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status());
                assertEquals(202, api.post("/api/v1/campaigns/" + id + "/agents/me/login", ann.get("token").asText(), "")
                        .status());

                JsonNode stats = awaitBackOff(api, id);
                assertTrue(stats.get("trunks").get(0).get("backingOff").asBoolean(), stats.toString());
                String metrics = api.get("/metrics", null).text();
                assertTrue(metrics.lines().anyMatch(l -> l.startsWith("pacer_trunk_backoff{") && l.contains("trunk=\"carrier\"")
                        && l.matches(".* 1(\\.0)?$")), "/metrics disagrees with /stats:\n" + metrics);
                assertEquals(0, carrier.awaitExit(10_000), "the carrier's call:\n" + carrier.output());

                JsonNode after = null;
                for (long until = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < until; Thread.sleep(100)) {
                    after = api.get("/api/v1/trunks", "admin-token").json().get("trunks").get(0);
                    if (!after.get("backingOff").asBoolean()) {
                        break;
                    }
                }
                assertTrue(after != null && !after.get("backingOff").asBoolean(), "the back-off never ended: " + after);
                JsonNode contact = api.get("/api/v1/campaigns/" + id + "/contacts", "admin-token").json().get(0);
                assertTrue(contact.get("attempts").asInt() <= 1, "charged for more than the one INVITE: " + contact);
            }
        }
    }

    /** Polls the campaign's stats until its trunk shows the back-off (the 503 comes at the first dial). */
    private static JsonNode awaitBackOff(ApiHarness api, long id) throws Exception {
        JsonNode stats = null;
        for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(20)) {
            JsonNode trunks = api.get("/api/v1/trunks", "admin-token").json().get("trunks");
            if (trunks.get(0).get("backingOff").asBoolean()) {
                return api.get("/api/v1/campaigns/" + id + "/stats", "admin-token").json();
            }
        }
        throw new AssertionError("the trunk never showed a back-off");
    }
}
