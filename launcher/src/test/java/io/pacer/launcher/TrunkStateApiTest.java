package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.sip.stack.SipConfig;
import io.pacer.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A trunk's back-off seen by a supervisor: a SIPp carrier answers the first INVITE 503 with a 3 s Retry-After, and
 * {@code GET /api/v1/trunks}, the campaign's {@code /stats} and {@code /metrics} all show the trunk backing off,
 * then free again once the carrier's time is up; the contact is charged for the one INVITE only.
 */
class TrunkStateApiTest {

    private static final int AGENT = 2;

    @Test
    void aCarriersRetryAfterShowsAsBackOffInTrunksStatsAndMetricsUntilItEnds() throws Exception {
        try (SippPeer phone = SippPeer.uas("agent-answer-notices.xml");
             SippPeer carrier = SippPeer.uas("carrier-congested.xml")) {
            SipConfig sip = SipConfig.loopback(LoopbackPorts.signalling(), 28600,
                    List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", carrier.port, "udp")),
                    List.of(new SipConfig.AgentConfig(AGENT, "desk2", null, 1, "127.0.0.1", phone.port, false)));
            try (Pacer pacer = Pacer.builder().sip(sip)
                    .store(new Pacer.StoreSettings(TestDatabases.sqliteUrl(), null, null, "engine-trunks", null))
                    .api(new Pacer.ApiSettings("127.0.0.1", 0, "admin-token")).start()) {
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
                assertTrue(api.get("/metrics", null).text().contains("pacer_trunk_backoff{trunk=\"carrier\"} 1.0"),
                        "/metrics disagrees with /stats");
                assertEquals(0, carrier.awaitExit(10_000), "the carrier's call:\n" + carrier.output());

                JsonNode after = null;
                for (long until = System.currentTimeMillis() + 8_000; System.currentTimeMillis() < until; Thread.sleep(100)) {
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
