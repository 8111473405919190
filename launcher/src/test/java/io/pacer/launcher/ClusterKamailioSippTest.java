package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.engine.core.SystemClock;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.TestDatabases;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.journal.CrashRecovery;
import io.pacer.store.user.Role;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 18's end-to-end test: three {@code pacer run} nodes (child JVMs) on one PostgreSQL behind a real Kamailio
 * started from {@code docs/cluster/kamailio.cfg}, a SIPp carrier behind Kamailio and three SIPp agent phones that
 * register with Kamailio. Each node runs one campaign and calls its agent's phone through Kamailio. Node 1 is killed
 * with SIGKILL mid-campaign; then, from the carrier's and the phones' own logs and the database:
 * <ul>
 *   <li>node 1's campaign is taken over by another node, which calls the agent's phone again through Kamailio and
 *       dials again, within 30 s of the kill;</li>
 *   <li>no contact is lost, none dialled twice (the carrier's INVITEs by Call-ID), no attempt booked or counted for
 *       a number the carrier never saw;</li>
 *   <li>the abandonment window is unbroken: the new holder's window holds the answers node 1 had stored, and at the
 *       end the stored buckets hold every answer of the campaign.</li>
 * </ul>
 * Three JVMs, Kamailio and four SIPp processes take about a minute on two cores: too slow for the suite, so it runs
 * with {@code scripts/cluster-e2e.sh} (system property {@code pacer.cluster.e2e=true}); {@code ClusterFailoverTest}
 * is the suite's shorter variant (two nodes, no SIP).
 */
@EnabledIfSystemProperty(named = "pacer.cluster.e2e", matches = "true")
class ClusterKamailioSippTest {

    private static final int NODES = 3;
    private static final int CONTACTS = 40;
    private static final String TOKEN = "cluster-admin-token-0123";
    private static final Path SIPP_DIR = Path.of("src/test/sipp").toAbsolutePath();
    private static final Path KAMAILIO_CFG = Path.of("../docs/cluster/kamailio.cfg").toAbsolutePath().normalize();
    private static final Pattern INVITE = Pattern.compile("^INVITE sip:(\\+\\d+)@", Pattern.MULTILINE);
    private static final Pattern CALL_ID = Pattern.compile("^Call-ID: *(\\S+)", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    private final List<Process> processes = new ArrayList<>();

    @Test
    void aKilledNodesCampaignAndAgentMoveToAnotherNodeThroughKamailioWithNothingLostOrDialledTwice() throws Exception {
        String url = TestDatabases.postgresqlUrl();
        Path dir = Files.createTempDirectory("pacer-cluster-e2e");
        long[] campaigns = prepare(url);
        int kamailio = LoopbackPorts.signalling();
        int kamailioAgents = LoopbackPorts.signalling();
        int carrierPort = LoopbackPorts.signalling();
        int[] nodePorts = new int[NODES];
        int[] phonePorts = new int[NODES];
        for (int n = 0; n < NODES; n++) {
            nodePorts[n] = LoopbackPorts.signalling();
            phonePorts[n] = LoopbackPorts.signalling();
        }
        Path carrierLog = dir.resolve("carrier-messages.log");
        try (Database check = Database.open(url, "postgres", null)) {
            startKamailio(dir, kamailio, kamailioAgents, carrierPort, nodePorts);
            processes.add(sipp(dir, "carrier", carrierPort, "carrier-kamailio.xml", "-trace_msg", "-message_file",
                    carrierLog.toString()));
            List<Path> phoneLogs = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                Path log = dir.resolve("phone-" + (n + 1) + "-messages.log");
                phoneLogs.add(log);
                processes.add(sipp(dir, "phone-" + (n + 1), phonePorts[n], "phone-kamailio.xml", "-aa", "-trace_msg",
                        "-message_file", log.toString()));
                awaitUdp(phonePorts[n]);
                register(dir, kamailio, "desk" + (n + 1), phonePorts[n]);
            }
            Process[] nodes = new Process[NODES];
            for (int n = 0; n < NODES; n++) {
                nodes[n] = node(dir, n + 1, url, nodePorts[n], kamailio, kamailioAgents, campaigns);
            }
            ApiHarness[] api = new ApiHarness[NODES];
            for (int n = 0; n < NODES; n++) {
                api[n] = ApiHarness.client(apiPort(dir.resolve("node-" + (n + 1) + ".out"), nodes[n]), TOKEN);
                long id = campaigns[n];
                assertEquals(200, api[n].post("/api/v1/campaigns/" + id + "/start", TOKEN, "").status());
                int login = api[n].post("/api/v1/campaigns/" + id + "/agents/me/login", "desk" + (n + 1) + "-token", "").status();
                assertTrue(login == 200 || login == 202, "desk" + (n + 1) + " login: " + login);
            }
            // Killed once node 1 has dialled a quarter of its campaign and stored some answers in its window.
            await(() -> dialled(carrierLog, 0).size() >= CONTACTS / 4 && answersStored(check, campaigns[0]) > 0, 90_000,
                    () -> "node 1 dialled a quarter and stored an answer: " + dialled(carrierLog, 0).size() + " dialled");
            nodes[0].destroyForcibly();
            assertTrue(nodes[0].waitFor(10, TimeUnit.SECONDS));
            long killed = System.currentTimeMillis();
            long answersAtKill = answersStored(check, campaigns[0]);
            // Node 1's claims at its death: its hopper's queue and its calls in flight (the only contacts that may be held).
            Set<String> claimedAtKill = new HashSet<>(check.read(c -> Jdbc.query(c,
                    "SELECT phone FROM contacts WHERE state = 'DIALING' AND campaign_id = " + campaigns[0], rs -> rs.getString(1))));
            int dialledAtKill = dialled(carrierLog, 0).size();
            int phoneInvitesAtKill = invites(phoneLogs.get(0));
            assertTrue(dialledAtKill < CONTACTS - 4, "killed mid-campaign: " + dialledAtKill);

            // Working again: another node holds the lease, has called desk1's phone again and dials the campaign.
            int[] holder = new int[1];
            await(() -> (holder[0] = holderOf(api[1], campaigns[0])) > 1, 30_000, () -> "a node took campaign 1 over");
            await(() -> invites(phoneLogs.get(0)) > phoneInvitesAtKill, 30_000, () -> "desk1's phone called again");
            await(() -> dialled(carrierLog, 0).size() > dialledAtKill, 30_000, () -> "campaign 1 dialled again");
            long working = System.currentTimeMillis() - killed;
            System.out.printf("cluster e2e: campaign 1 on node-%d, its agent called again and dialling %d ms after the kill%n",
                    holder[0], working);
            assertTrue(working < 30_000, "working again after " + working + " ms");
            JsonNode live = api[holder[0] - 1].get("/api/v1/campaigns/" + campaigns[0] + "/stats", TOKEN).json();
            System.out.println("cluster e2e: stats of campaign 1 after the takeover: " + live);
            assertTrue(windowAnswers(live) >= answersAtKill, "the new holder's window lost node 1's answers: "
                    + answersAtKill + " stored at the kill, " + live);

            // Everything due dialled: then the survivors stop cleanly (their journals written) and the logs are checked.
            long heldFrom = killed + CrashRecovery.UNCERTAIN_HOLD_MILLIS - 60_000L;
            await(() -> count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING' OR (state IN ('READY', 'CALLBACK')"
                    + " AND attempts = 0 AND next_due_millis < " + heldFrom + ")") == 0, 90_000,
                    () -> "every contact dialled or held: " + count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING'"));
            JsonNode end = api[holder[0] - 1].get("/api/v1/campaigns/" + campaigns[0] + "/stats", TOKEN).json();
            for (int n = 1; n < NODES; n++) {
                nodes[n].destroy();
                assertTrue(nodes[n].waitFor(30, TimeUnit.SECONDS), "node " + (n + 1) + " did not stop on SIGTERM");
            }
            assertTrue(windowAnswers(end) >= answersStored(check, campaigns[0]) - 1, "window " + end);
            check(check, carrierLog, heldFrom, claimedAtKill);
        } finally {
            for (Process p : processes) {
                p.destroyForcibly();
            }
        }
    }

    /** The carrier's INVITEs against the database: every contact once, every attempt a call the carrier saw. */
    private static void check(Database check, Path carrierLog, long heldFrom, Set<String> claimedAtKill) throws IOException {
        Map<String, Integer> dialled = new HashMap<>();
        for (int c = 0; c < NODES; c++) {
            dialled.putAll(dialled(carrierLog, c));
        }
        dialled.forEach((number, times) -> assertEquals(1, times, number + " dialled twice"));
        assertEquals(NODES * CONTACTS, count(check, "SELECT COUNT(*) FROM contacts"), "no contact lost");
        assertEquals(0, count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING'"), "a contact stranded DIALING");
        for (Object[] row : check.read(c -> Jdbc.query(c, "SELECT called_number, COUNT(*) FROM activities GROUP BY called_number",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)}))) {
            assertTrue((Long) row[1] <= dialled.getOrDefault((String) row[0], 0), "attempt booked for a call never placed: " + row[0]);
        }
        int held = 0;
        for (Object[] row : check.read(c -> Jdbc.query(c, "SELECT phone, attempts, state, next_due_millis FROM contacts",
                rs -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)}))) {
            String phone = (String) row[0];
            assertTrue((Integer) row[1] <= dialled.getOrDefault(phone, 0), "attempt counted for a call never placed: " + phone);
            if ((Integer) row[1] == 0) {
                // Only node 1's claims at the kill: held by CrashRecovery, READY with no attempt, never dialled again.
                assertTrue("READY".equals(row[2]) && (Long) row[3] >= heldFrom && claimedAtKill.contains(phone),
                        "contact neither dialled nor held: " + List.of(row));
                held++;
            }
        }
        System.out.printf("cluster e2e: %d numbers dialled once each, %d held after the kill%n", dialled.size(), held);
    }

    /** Three campaigns of {@code CONTACTS} each (campaign c's numbers start +4930(7+c)), one agent each, progressive (no abandon can stop them). */
    private static long[] prepare(String url) {
        long[] ids = new long[NODES];
        try (Storage storage = Storage.open(url, "postgres", null, "setup", SystemClock.INSTANCE)) {
            for (int n = 0; n < NODES; n++) {
                long desk = storage.users().create("desk" + (n + 1), Role.AGENT, "desk" + (n + 1) + "-token").id();
                assertEquals(n + 1, desk, "a fresh database numbers the agents 1..3");
                // Busy waits an hour: any second INVITE to a number within this test is a double dial.
                ids[n] = storage.campaigns().create(new Campaign(0, "Cluster " + (n + 1), "", CampaignStatus.ENABLED, false,
                        null, "UTC", DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 4, List.of(), 10, 0, 1440,
                        Campaign.DEFAULT_SUBJECT, true, "DE", List.of(), Map.of(RetryClass.FAILURE, new RetryRule(3600, 3),
                        RetryClass.BUSY, new RetryRule(3600, 3)), List.of(desk), List.of()), System.currentTimeMillis()).id();
                assertEquals(n + 1, ids[n], "a fresh database numbers the campaigns 1..3");
                StringBuilder csv = new StringBuilder("phone\n");
                for (int i = 0; i < CONTACTS; i++) {
                    csv.append("+4930").append(7 + n).append(100_000 + i).append('\n');
                }
                storage.importer().importCsv(ids[n], new StringReader(csv.toString()), ',',
                        new ColumnMapping(List.of("phone"), null, List.of(), null), ImportMode.APPEND, "test", 0);
            }
        }
        return ids;
    }

    private void startKamailio(Path dir, int port, int agentsPort, int carrierPort, int[] nodePorts) throws Exception {
        StringBuilder list = new StringBuilder();
        for (int p : nodePorts) {
            list.append("1 sip:127.0.0.1:").append(p).append('\n');
        }
        Path nodes = dir.resolve("pacer-nodes.list");
        Files.writeString(nodes, list);
        String kamailio = System.getenv().getOrDefault("KAMAILIO", "/usr/sbin/kamailio");
        assertTrue(Files.isExecutable(Path.of(kamailio)), "Kamailio is not installed at " + kamailio
                + ": apt-get install -y kamailio, or set KAMAILIO");
        processes.add(new ProcessBuilder(kamailio, "-DD", "-E", "-f", KAMAILIO_CFG.toString(), "-A",
                "LISTEN_ADDR=udp:127.0.0.1:" + port, "-A", "AGENTS_LISTEN_ADDR=udp:127.0.0.1:" + agentsPort, "-A", "DISPATCHER_LIST=\"" + nodes + "\"", "-A",
                "CARRIER_URI=\"sip:127.0.0.1:" + carrierPort + "\"", "-P", dir.resolve("kamailio.pid").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("kamailio.log").toFile()).start());
        awaitUdp(port);
        awaitUdp(agentsPort);
    }

    private static Process sipp(Path dir, String name, int port, String scenario, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(System.getenv().getOrDefault("SIPP", "/usr/bin/sipp"), "-sf",
                SIPP_DIR.resolve(scenario).toString(), "-i", "127.0.0.1", "-p", String.valueOf(port), "-mi", "127.0.0.1",
                "-mp", String.valueOf(LoopbackPorts.media()), "-nostdin", "-timeout", "600s"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    /** The phone at {@code contactPort} registers as {@code user} with Kamailio (a SIPp client for one REGISTER). */
    private static void register(Path dir, int kamailio, String user, int contactPort) throws Exception {
        Process p = new ProcessBuilder(System.getenv().getOrDefault("SIPP", "/usr/bin/sipp"), "127.0.0.1:" + kamailio, "-sf",
                SIPP_DIR.resolve("phone-register.xml").toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(LoopbackPorts.signalling()), "-s", user, "-set", "contactport", String.valueOf(contactPort),
                "-m", "1", "-nostdin", "-timeout", "10s").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("register-" + user + ".out").toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "REGISTER of " + user + " hung");
        assertEquals(0, p.exitValue(), user + " not registered: " + Files.readString(dir.resolve("register-" + user + ".out")));
    }

    /**
     * {@code pacer run} for node n: its trunk is Kamailio's front door, its agents' phones Kamailio's agents' socket
     * (docs/cluster.md); 1 s heartbeats, 5 s leases (shorter ones flap when three JVMs start at once on two loaded cores).
     */
    private Process node(Path dir, int n, String url, int sipPort, int kamailio, int kamailioAgents, long[] campaigns)
            throws IOException {
        StringBuilder agents = new StringBuilder();
        for (int a = 0; a < NODES; a++) {
            agents.append("    - {id: ").append(a + 1).append(", username: desk").append(a + 1).append(", campaign: ")
                    .append(campaigns[a]).append(", address: \"127.0.0.1:").append(kamailioAgents).append("\", autoConnect: false}\n");
        }
        Path config = dir.resolve("node-" + n + ".yaml");
        Files.writeString(config, "sip:\n  bindAddress: 127.0.0.1\n  port: " + sipPort + "\n"
                + "  rtp: {portMin: " + (31_000 + n * 200) + ", portMax: " + (31_199 + n * 200) + "}\n"
                + "  trunks:\n    - {name: front-door, address: \"127.0.0.1:" + kamailio + "\", maxChannels: 30, "
                + "maxCallsPerSecond: 60}\n  agents:\n" + agents
                + "storage:\n  url: \"" + url + "\"\n  user: postgres\n  engineId: node-" + n + "\n"
                + "  heartbeatMillis: 1000\n  leaseMillis: 5000\n"
                + "api:\n  host: 127.0.0.1\n  port: 0\n  adminToken: " + TOKEN + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--config", config.toString()).redirectErrorStream(true)
                .redirectOutput(new File(dir.resolve("node-" + n + ".out").toString())).start();
        processes.add(p);
        return p;
    }

    private static int apiPort(Path out, Process node) throws Exception {
        Pattern api = Pattern.compile("API on http://127\\.0\\.0\\.1:(\\d+)/");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = api.matcher(Files.exists(out) ? Files.readString(out) : "");
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertTrue(node.isAlive(), "node ended at start: " + Files.readString(out));
            Thread.sleep(50);
        }
        throw new AssertionError("node did not start: " + Files.readString(out));
    }

    /** The node (1..3) whose lease on the campaign is current, as node 2 reads the cluster; 0 when none. */
    private static int holderOf(ApiHarness api, long campaign) {
        for (JsonNode n : api.get("/api/v1/nodes", TOKEN).json().get("nodes")) {
            if (n.get("alive").asBoolean()) {
                for (JsonNode c : n.get("campaignIds")) {
                    if (c.asLong() == campaign) {
                        return Integer.parseInt(n.get("nodeId").asText().substring("node-".length()));
                    }
                }
            }
        }
        return 0;
    }

    /** The answers in the campaign's live regulator window, as its node's core counts them. */
    private static long windowAnswers(JsonNode stats) {
        return stats.path("live").path("abandonment").path("windowAnswers").asLong(-1);
    }

    private static long answersStored(Database check, long campaign) {
        return count(check, "SELECT COALESCE(SUM(answers), 0) FROM abandon_buckets WHERE campaign_id = " + campaign);
    }

    /** Campaign c's numbers the carrier received INVITEs for, with how many (retransmissions counted once by Call-ID). */
    private static Map<String, Integer> dialled(Path log, int campaign) {
        Map<String, Integer> out = new HashMap<>();
        Set<String> calls = new HashSet<>();
        for (String message : read(log).split("\\n-{10,}")) {
            Matcher invite = INVITE.matcher(message);
            Matcher id = CALL_ID.matcher(message);
            if (invite.find() && invite.group(1).startsWith("+4930" + (7 + campaign)) && id.find() && calls.add(id.group(1))) {
                out.merge(invite.group(1), 1, Integer::sum);
            }
        }
        return out;
    }

    /** INVITEs a phone received (new calls, by Call-ID). */
    private static int invites(Path phoneLog) {
        Set<String> calls = new HashSet<>();
        for (String message : read(phoneLog).split("\\n-{10,}")) {
            Matcher id = CALL_ID.matcher(message);
            if (message.contains("INVITE sip:") && id.find()) {
                calls.add(id.group(1));
            }
        }
        return calls.size();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitUdp(int port) throws Exception {
        String local = String.format(":%04X ", port);
        await(() -> {
            try {
                return Files.readAllLines(Path.of("/proc/net/udp")).stream().map(l -> l.trim().split("\\s+"))
                        .anyMatch(c -> c.length > 1 && (c[1] + " ").endsWith(local));
            } catch (IOException e) {
                return false;
            }
        }, 10_000, () -> "nothing listens on udp " + port);
    }

    private static long count(Database check, String sql) {
        return check.read(c -> Jdbc.number(c, sql));
    }

    private static void await(BooleanSupplier condition, long timeoutMillis, Supplier<String> what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, () -> "timed out waiting: " + what.get());
            Thread.sleep(50);
        }
    }
}
