package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.sip.stack.SipConfig;
import io.pacer.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Blending end to end over real SIP, with Pacer as the composition root builds it: a progressive campaign dials a
 * SIPp carrier and bridges the answer to a SIPp agent phone; meanwhile the customer it called calls back the
 * display number from another trunk (in national form) and hears ringing. When the agent ends the outbound call
 * and is ready again, it takes the caller before any new dial; the call is filed as "Inbound" under the contact its
 * number matches. A second caller, with the agent in wrap-up, rings for the campaign's maximum wait and gets 480:
 * "Missed"; when that customer calls again and is answered, the missed call becomes "Missed but answered".
 */
class BlendingSippTest {

    private static final int AGENT = 2;
    private static final String DISPLAY = "+4930555000";
    private static final Path SCENARIOS = Path.of("src/test/sipp").toAbsolutePath();
    private static final Path LOGS = Path.of("target/sipp").toAbsolutePath();

    @Test
    void aCallerIsTakenByTheFreeAgentBeforeAnyDialAndASecondWithNoAgentFreeIsMissedAfterTheMaximumWait() throws Exception {
        int callersPort = LoopbackPorts.signalling();
        try (SippPeer phone = SippPeer.uas("agent-answer-notices.xml");
             SippPeer carrier = SippPeer.uas("carrier-answer.xml")) {
            SipConfig sip = SipConfig.loopback(LoopbackPorts.signalling(), 28400, List.of(
                    new SipConfig.TrunkConfig("carrier", "127.0.0.1", carrier.port, "udp", null, 0, null, null, "+15550100",
                            10, 10, List.of(1)),
                    // The callers' carrier: Pacer takes requests only from its trunks; it dials no campaign out.
                    new SipConfig.TrunkConfig("callers", "127.0.0.1", callersPort, "udp", null, 0, null, null, "+15550100",
                            10, 10, List.of(99))),
                    List.of(new SipConfig.AgentConfig(AGENT, "desk2", null, 1, "127.0.0.1", phone.port, false)));
            try (Pacer pacer = Pacer.builder().sip(sip)
                    .store(new Pacer.StoreSettings(TestDatabases.sqliteUrl(), null, null, "engine-blend", null))
                    .api(new Pacer.ApiSettings("127.0.0.1", 0, "admin-token")).start()) {
                ApiHarness api = ApiHarness.client(pacer.api().port(), "admin-token");
                String token = api.user("ann", "AGENT").get("token").asText();
                long id = api.campaign("\"dialMode\":\"PROGRESSIVE\",\"defaultRegion\":\"DE\",\"displayNumbers\":[\""
                        + DISPLAY + "\"],\"responsibleUsers\":[" + AGENT + "]");
                api.importCsv(id, "APPEND", "phone,name\n030 12345678,Anna\n0151 12345678,Bob\n", "");
                String inbound = "/api/v1/campaigns/" + id + "/inbound";
                ApiHarness.Reply refused = api.request("PUT", inbound, "admin-token", "application/json",
                        "{\"enabled\":true,\"maxWaitMillis\":100}");
                assertEquals(400, refused.status());
                assertTrue(refused.text().contains("maxWaitMillis"), refused.text());
                assertEquals(false, api.get(inbound, "admin-token").json().get("enabled").asBoolean(), "nothing stored");
                ApiHarness.Reply set = api.request("PUT", inbound, "admin-token", "application/json",
                        "{\"enabled\":true,\"maxWaitMillis\":5000}");
                assertEquals(200, set.status(), set.text());
                assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status());
                assertEquals(202, api.post("/api/v1/campaigns/" + id + "/agents/me/login", token, "").status());

                JsonNode talking = await(api, token, "ON_CALL", Long.MIN_VALUE);
                long outbound = talking.get("agent").get("callId").asLong();
                JsonNode called = talking.get("record").get("contact");
                JsonNode other = otherContact(api, id, called.get("id").asLong());

                Path ringing = LOGS.resolve("customer-" + System.nanoTime() + "-messages.log");
                Process customer = customer("customer-calls-back.xml", callersPort, pacer.sip().sipPort(),
                        national(called.get("phone").asText()), ringing);
                awaitText(ringing, "SIP/2.0 180");
                api.post("/api/v1/agents/me/hangup", token, "");
                assertEquals(0, carrier.awaitExit(10_000), "the outbound customer got no BYE:\n" + carrier.output());
                await(api, token, "WRAP_UP", Long.MIN_VALUE);
                api.post("/api/v1/agents/me/ready", token, "");
                JsonNode onInbound = await(api, token, "ON_CALL", outbound);
                assertNotEquals(outbound, onInbound.get("agent").get("callId").asLong());
                assertTrue(customer.waitFor(15, TimeUnit.SECONDS) && customer.exitValue() == 0, "the caller's call went wrong");
                await(api, token, "WRAP_UP", Long.MIN_VALUE);
                assertEquals(0, contact(api, id, other.get("id").asLong()).get("attempts").asInt(),
                        "no dial while the agent took the caller");

                JsonNode answered = inboundActivity(api, id, called.get("id").asLong(), "Inbound");
                assertEquals(called.get("phone").asText(), answered.get("callerId").asText(), "matched in E.164");
                assertEquals(DISPLAY, answered.get("calledNumber").asText());
                assertEquals(AGENT, answered.get("agentId").asInt());
                assertTrue(answered.get("durationMillis").asLong() >= 900, answered.toString());

                String otherNational = national(other.get("phone").asText());
                long before = System.nanoTime();
                Process missed = customer("customer-calls-back-missed.xml", callersPort, pacer.sip().sipPort(),
                        otherNational, LOGS.resolve("missed-" + System.nanoTime() + "-messages.log"));
                assertTrue(missed.waitFor(20, TimeUnit.SECONDS) && missed.exitValue() == 0, "the caller got no 480");
                assertTrue(System.nanoTime() - before >= 4_900_000_000L, "refused only at the maximum wait");
                JsonNode missedActivity = inboundActivity(api, id, other.get("id").asLong(), "Missed");
                assertEquals(-1, missedActivity.get("agentId").asInt());

                assertEquals(200, api.post("/api/v1/campaigns/" + id + "/stop", "admin-token", "").status());
                api.post("/api/v1/agents/me/ready", token, "");
                await(api, token, "READY", Long.MIN_VALUE);
                Process again = customer("customer-calls-back.xml", callersPort, pacer.sip().sipPort(), otherNational,
                        LOGS.resolve("again-" + System.nanoTime() + "-messages.log"));
                assertTrue(again.waitFor(15, TimeUnit.SECONDS) && again.exitValue() == 0, "the second call went wrong");
                inboundActivity(api, id, other.get("id").asLong(), "Missed but answered");
                assertEquals(200, api.post("/api/v1/agents/me/logout", token, "").status());
            }
        }
    }

    private static Process customer(String scenario, int port, int pacerPort, String caller, Path messages) throws IOException {
        Files.createDirectories(LOGS);
        return new ProcessBuilder(List.of("/usr/bin/sipp", "127.0.0.1:" + pacerPort, "-sf", SCENARIOS.resolve(scenario).toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(port), "-mp", String.valueOf(LoopbackPorts.media()), "-m", "1",
                "-nostdin", "-timeout", "20s", "-s", DISPLAY, "-set", "caller", caller, "-trace_msg", "-message_file",
                messages.toString())).directory(LOGS.toFile()).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(scenario + "-" + System.nanoTime() + ".log").toFile()).start();
    }

    /** A German E.164 number as a carrier often hands it over: national, with a leading 0. */
    private static String national(String e164) {
        assertTrue(e164.startsWith("+49"), e164);
        return "0" + e164.substring(3);
    }

    private static void awaitText(Path file, String text) throws Exception {
        for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(50)) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
        }
        fail("never saw " + text + " in " + file);
    }

    private static JsonNode otherContact(ApiHarness api, long campaignId, long contactId) {
        for (JsonNode c : api.get("/api/v1/campaigns/" + campaignId + "/contacts", "admin-token").json()) {
            if (c.get("id").asLong() != contactId) {
                return c;
            }
        }
        throw new AssertionError("no second contact");
    }

    private static JsonNode contact(ApiHarness api, long campaignId, long contactId) {
        return api.get("/api/v1/campaigns/" + campaignId + "/contacts/" + contactId, "admin-token").json();
    }

    private static JsonNode inboundActivity(ApiHarness api, long campaignId, long contactId, String result) throws Exception {
        JsonNode all = null;
        for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(50)) {
            all = api.get("/api/v1/campaigns/" + campaignId + "/contacts/" + contactId + "/activities", "admin-token").json()
                    .get("activities");
            for (JsonNode a : all) {
                if ("Inbound call".equals(a.get("callType").asText()) && result.equals(a.get("outcome").asText())) {
                    return a;
                }
            }
        }
        throw new AssertionError("no inbound activity \"" + result + "\": " + all);
    }

    private static JsonNode await(ApiHarness api, String token, String state, long notCall) throws InterruptedException {
        JsonNode desk = null;
        for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(50)) {
            desk = api.get("/api/v1/agents/me", token).json();
            if (state.equals(desk.get("agent").get("state").asText()) && desk.get("agent").get("callId").asLong() != notCall) {
                return desk;
            }
        }
        throw new AssertionError("agent never " + state + ": " + desk);
    }
}
