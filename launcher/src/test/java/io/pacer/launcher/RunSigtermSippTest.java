package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.core.SystemClock;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.TestDatabases;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.user.Role;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code pacer run} in a child JVM over real SIP, stopped with SIGTERM while one call rings and another is
 * bridged to an agent: SIPp plays the carrier (two trunks, one that rings and one that answers) and the two
 * agents' phones. The drain CANCELs the ringing call, lets the bridged one go on for the grace period, then BYEs
 * both its legs and the agents' sessions; the hopper is handed back, no contact is left DIALING or charged for a
 * call that never left, and the process exits 0.
 */
class RunSigtermSippTest {

    private static final String ENGINE = "pacer-sigterm-sip";
    private static final int CONTACTS = 10;
    private static final Path SCENARIOS = Path.of("../sip-adapter/src/test/sipp").toAbsolutePath();

    @Test
    void sigtermCancelsRingingCallsByesBridgedOnesAfterTheGraceAndExitsZero() throws Exception {
        String url = TestDatabases.sqliteUrl();
        long campaignId;
        try (Storage storage = Storage.open(url, null, null, ENGINE, SystemClock.INSTANCE)) {
            // The phones are engine agents 1 and 2: their users, named the campaign's responsibles (the core lets
            // no one else work it, whatever path the login comes by).
            long desk1 = storage.users().create("desk1", Role.AGENT, "desk1-token").id();
            long desk2 = storage.users().create("desk2", Role.AGENT, "desk2-token").id();
            assertEquals(List.of(1L, 2L), List.of(desk1, desk2), "a fresh database numbers the phones' users 1 and 2");
            campaignId = storage.campaigns().create(new Campaign(0, "Sigterm over SIP", "", CampaignStatus.ENABLED,
                    false, null, "UTC", DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440,
                    Campaign.DEFAULT_SUBJECT, true, "DE", List.of(), Map.of(RetryClass.FAILURE, new RetryRule(900, 3)),
                    List.of(desk1, desk2), List.of()), System.currentTimeMillis()).id();
            StringBuilder csv = new StringBuilder("phone\n");
            for (int i = 0; i < CONTACTS; i++) {
                csv.append("+4930").append(5_000_000 + i).append('\n');
            }
            storage.importer().importCsv(campaignId, new StringReader(csv.toString()), ',',
                    new ColumnMapping(List.of("phone"), null, List.of(), null), ImportMode.APPEND, "test", 0);
            assertTrue(storage.campaigns().lock(campaignId, ENGINE, System.currentTimeMillis()));
        }
        int ringerPort = LoopbackPorts.signalling();
        int answererPort = LoopbackPorts.signalling();
        int phone1Port = LoopbackPorts.signalling();
        int phone2Port = LoopbackPorts.signalling();
        Path dir = Files.createTempDirectory("pacer-sigterm-sip");
        Path config = dir.resolve("pacer.yaml");
        Files.writeString(config, "sip:\n  bindAddress: 127.0.0.1\n  port: " + LoopbackPorts.signalling()
                + "\n  notifyAgents: false\n  rtp: {portMin: 31200, portMax: 31300}\n"
                + "  sessions: {shutdownGraceMillis: 1500}\n"
                // Equal priority and weight: the first call goes to the carrier that rings, the second to the one
                // that answers.
                + "  trunks:\n"
                + "    - {name: ringer, address: \"127.0.0.1:" + ringerPort + "\", campaigns: [" + campaignId + "]}\n"
                + "    - {name: answerer, address: \"127.0.0.1:" + answererPort + "\", campaigns: [" + campaignId + "]}\n"
                + "  agents:\n"
                + "    - {id: 1, username: desk1, campaign: " + campaignId + ", address: \"127.0.0.1:" + phone1Port + "\"}\n"
                + "    - {id: 2, username: desk2, campaign: " + campaignId + ", address: \"127.0.0.1:" + phone2Port + "\"}\n"
                + "storage:\n  url: \"" + url + "\"\n  engineId: " + ENGINE
                + "\napi:\n  host: 127.0.0.1\n  port: 0\n  adminToken: 0123456789abcdef-token\n");
        List<SippProcess> sipps = new ArrayList<>();
        Process pacer = null;
        try (Database check = Database.open(url, null, null)) {
            SippProcess ringer = start(sipps, "carrier-no-answer.xml", ringerPort, dir);
            SippProcess answerer = start(sipps, "carrier-answer.xml", answererPort, dir);
            SippProcess phone1 = start(sipps, "agent-answer.xml", phone1Port, dir, "-aa");
            SippProcess phone2 = start(sipps, "agent-answer.xml", phone2Port, dir, "-aa");
            Path out = dir.resolve("out.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            pacer = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(new File(out.toString())).start();
            String api = awaitApi(pacer, out);
            String stats = "";
            long deadline = System.currentTimeMillis() + 30_000;
            while (!(stats.contains("\"agentsOnCall\":1") && stats.contains("\"callsRinging\":1"))) {
                assertTrue(pacer.isAlive(), "pacer run ended: " + Files.readString(out));
                assertTrue(System.currentTimeMillis() < deadline, "never one call ringing and one bridged: " + stats
                        + "\n" + Files.readString(out));
                Thread.sleep(100);
                stats = get(api + "/campaigns/" + campaignId + "/stats");
            }
            long termNanos = System.nanoTime();
            pacer.destroy();
            assertEquals(0, ringer.awaitExit(10_000), "the ringing call got no CANCEL:\n" + ringer.output());
            assertTrue(pacer.waitFor(60, TimeUnit.SECONDS), "pacer run did not stop on SIGTERM");
            assertEquals(0, answerer.awaitExit(10_000), "the bridged customer got no BYE:\n" + answerer.output());
            long byeMillis = TimeUnit.NANOSECONDS.toMillis(answerer.exitNanos() - termNanos);
            assertTrue(byeMillis >= 1_400, "the bridged call was hung up " + byeMillis + " ms after SIGTERM, within the grace");
            assertEquals(0, phone1.awaitExit(10_000), "an agent's session got no BYE:\n" + phone1.output());
            assertEquals(0, phone2.awaitExit(10_000), "an agent's session got no BYE:\n" + phone2.output());
            assertEquals(0, pacer.exitValue(), Files.readString(out));
            assertEquals(0, count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING'"), "a contact stranded");
            assertEquals(2, count(check, "SELECT COUNT(*) FROM activities"), "one record per call placed");
            assertEquals(2, count(check, "SELECT COUNT(*) FROM contacts WHERE attempts = 1"));
            assertEquals(CONTACTS - 2, count(check,
                    "SELECT COUNT(*) FROM contacts WHERE state = 'READY' AND attempts = 0"), "the hopper was not handed back");
        } finally {
            if (pacer != null) {
                pacer.destroyForcibly();
            }
            sipps.forEach(SippProcess::close);
        }
    }

    private static SippProcess start(List<SippProcess> all, String scenario, int port, Path dir, String... extra)
            throws Exception {
        SippProcess s = SippProcess.uas(SCENARIOS.resolve(scenario), port, dir, extra);
        all.add(s);
        s.awaitListening(port);
        return s;
    }

    private static String awaitApi(Process pacer, Path out) throws Exception {
        Pattern p = Pattern.compile("API on (http://\\S+/api/v1)");
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            Matcher m = p.matcher(Files.readString(out));
            if (m.find()) {
                return m.group(1);
            }
            assertTrue(pacer.isAlive(), "pacer run ended: " + Files.readString(out));
            assertTrue(System.currentTimeMillis() < deadline, "pacer run did not start: " + Files.readString(out));
            Thread.sleep(50);
        }
    }

    private static String get(String uri) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer 0123456789abcdef-token").build(), HttpResponse.BodyHandlers.ofString());
        return r.body().replace(" ", "");
    }

    private static long count(Database check, String sql) {
        return check.read(c -> Jdbc.number(c, sql));
    }
}
