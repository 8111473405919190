package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.sip.stack.SipConfig;
import io.pacer.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lists and numbers end to end over real SIP: Pacer as the composition root builds it (storage, API, core, SIP
 * adapter) between a SIPp carrier that answers every INVITE 486 Busy and a SIPp agent phone. A contact with a
 * mobile and a work number: the mobile is dialled, busy, so the work number is dialled next at once, then the
 * contact waits; the campaign rotates its display numbers, seen in each INVITE's From and P-Asserted-Identity.
 */
class ListsAndNumbersSippTest {

    private static final Path SCENARIOS = Path.of("src/test/sipp").toAbsolutePath();
    private static final Path LOGS = Path.of("target/sipp").toAbsolutePath();
    private static final Pattern INVITE = Pattern.compile("^INVITE sip:(\\+\\d+)@", Pattern.MULTILINE);
    private static final Pattern FROM = Pattern.compile("^From:[^\\n]*?sip:(\\+\\d+)@", Pattern.MULTILINE);
    private static final Pattern CALL_ID = Pattern.compile("^Call-ID: *(\\S+)", Pattern.MULTILINE);
    private static final Pattern ASSERTED = Pattern.compile("^P-Asserted-Identity: *<sip:(\\+\\d+)@", Pattern.MULTILINE);

    @Test
    void busyOnTheMobileDialsTheWorkNumberNextPresentingTheNextDisplayNumber() throws Exception {
        String sipp = sippBinary();
        int carrierPort = LoopbackPorts.signalling();
        int agentPort = LoopbackPorts.signalling();
        List<SipConfig.TrunkConfig> trunks = List.of(new SipConfig.TrunkConfig("carrier", "127.0.0.1", carrierPort, "udp",
                null, 0, null, null, "+15550100", 10, 10, List.of(1)));
        List<SipConfig.AgentConfig> agents = List.of(new SipConfig.AgentConfig(1, "agent1", "agent-secret", 1, null, 0, true));
        SipConfig sip = new SipConfig("127.0.0.1", LoopbackPorts.signalling(), 1, 26000, 26999, 1, "PCMU", "login", false, 0, trunks, agents);
        Files.createDirectories(LOGS);
        Path messages = LOGS.resolve("lists-carrier-" + System.nanoTime() + "-messages.log");
        Process carrier = null;
        Process phone = null;
        try (Pacer pacer = Pacer.builder().sip(sip)
                .store(new Pacer.StoreSettings(TestDatabases.sqliteUrl(), null, null, "engine-lists", null))
                .api(new Pacer.ApiSettings("127.0.0.1", 0, "admin-token")).start()) {
            ApiHarness api = ApiHarness.client(pacer.api().port(), "admin-token");
            // The phone is engine agent 1, which is the administrator's user here (the first user): the campaign's
            // responsible, since the core lets no one else work it.
            long id = api.campaign("\"dialMode\":\"PROGRESSIVE\",\"defaultRegion\":\"DE\",\"responsibleUsers\":[1],"
                    + "\"displayNumbers\":[\"+4930555000\",\"+4989555000\"],\"retryRules\":{\"BUSY\":{\"delaySeconds\":3600,\"maxAttempts\":3}}");
            assertEquals(1, id, "the trunk routes campaign 1");
            assertEquals(200, api.request("PUT", "/api/v1/campaigns/1/dialing", "admin-token", "application/json",
                    "{\"callerIdMode\":\"ROTATE\"}").status());
            ApiHarness.Reply imported = api.postCsv("/api/v1/campaigns/1/imports?mode=APPEND&name=name&number=mobile:MOBILE&number=work:WORK",
                    "admin-token", "name,mobile,work\nAda,0151 12345678,030 12345678\n");
            assertEquals(201, imported.status(), imported.text());

            carrier = start(List.of(sipp, "-sf", SCENARIOS.resolve("carrier-busy.xml").toString(), "-i", "127.0.0.1",
                    "-p", String.valueOf(carrierPort), "-m", "2", "-nostdin", "-timeout", "60s", "-trace_msg",
                    "-message_file", messages.toString()), "carrier");
            phone = start(List.of(sipp, "-sf", SCENARIOS.resolve("agent-answer.xml").toString(), "-i", "127.0.0.1",
                    "-p", String.valueOf(agentPort), "-mp", String.valueOf(LoopbackPorts.media()), "-m", "1", "-nostdin",
                    "-timeout", "60s", "-aa", "-rtp_echo"), "phone");
            assertEquals(200, api.post("/api/v1/campaigns/1/start", "admin-token", "").status());
            Process register = start(List.of(sipp, "127.0.0.1:" + pacer.sip().sipPort(), "-sf",
                    SCENARIOS.resolve("agent-register.xml").toString(), "-i", "127.0.0.1", "-p", String.valueOf(LoopbackPorts.signalling()),
                    "-m", "1", "-nostdin", "-timeout", "20s", "-s", "agent1", "-au", "agent1", "-ap", "agent-secret",
                    "-set", "contactport", String.valueOf(agentPort)), "register");
            assertTrue(register.waitFor(20, TimeUnit.SECONDS) && register.exitValue() == 0, "the agent's phone did not register");
            assertTrue(carrier.waitFor(40, TimeUnit.SECONDS), "the carrier did not see two INVITEs");
            assertEquals(0, carrier.exitValue(), "the carrier's calls went as its scenario says");

            Map<String, String[]> invites = invites(Files.readString(messages));
            List<String[]> calls = new ArrayList<>(invites.values());
            assertEquals(2, calls.size(), "two INVITEs: " + invites.keySet());
            assertEquals("+4915112345678", calls.get(0)[0], "the mobile first");
            assertEquals("+493012345678", calls.get(1)[0], "busy on the mobile: the work number next");
            assertEquals(List.of("+4930555000", "+4989555000"), List.of(calls.get(0)[1], calls.get(1)[1]), "From rotates");
            assertEquals(List.of("+4930555000", "+4989555000"), List.of(calls.get(0)[2], calls.get(1)[2]), "P-Asserted-Identity rotates");

            JsonNode contact = awaitAttempts(api, 2);
            assertEquals("READY", contact.get("state").asText());
            assertTrue(contact.get("nextDueMillis").asLong() > System.currentTimeMillis() + 3_000_000L,
                    "both numbers busy: the contact waits the busy rule's hour");
            JsonNode numbers = api.get("/api/v1/campaigns/1/contacts/" + contact.get("id").asLong() + "/numbers", "admin-token").json();
            assertEquals("BUSY", numbers.get("numbers").get(1).get("lastOutcome").asText());
            JsonNode calls2 = api.get("/api/v1/calls?campaignId=1", "admin-token").json();
            assertEquals(2, calls2.size());
        } finally {
            stop(carrier);
            stop(phone);
        }
    }

    /** Call-ID to {number dialled, From user, P-Asserted-Identity user}, in the order the INVITEs came. */
    private static Map<String, String[]> invites(String log) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String message : log.split("\\n-{10,}")) {
            Matcher invite = INVITE.matcher(message);
            if (invite.find()) {
                out.putIfAbsent(header(CALL_ID, message), new String[] {invite.group(1), header(FROM, message), header(ASSERTED, message)});
            }
        }
        return out;
    }

    private static String header(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static JsonNode awaitAttempts(ApiHarness api, int attempts) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode contact;
        do {
            contact = api.get("/api/v1/campaigns/1/contacts", "admin-token").json().get(0);
            if (contact.get("attempts").asInt() >= attempts) {
                return contact;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        fail("the contact has " + contact.get("attempts") + " attempts, not " + attempts);
        return contact;
    }

    private static Process start(List<String> command, String name) throws IOException {
        return new ProcessBuilder(command).directory(LOGS.toFile()).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + "-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        }
    }

    private static String sippBinary() {
        String env = System.getenv("SIPP");
        Path p = Path.of(env != null ? env : "/usr/bin/sipp");
        if (!Files.isExecutable(p)) {
            fail("SIPp is not installed at " + p + ": install it with 'apt-get install -y sip-tester'");
        }
        return p.toString();
    }


}
