package io.pacer.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.engine.agent.AgentState;
import io.pacer.launcher.Pacer;
import io.pacer.store.TestDatabases;
import io.pacer.store.cluster.LeaseSettings;
import io.pacer.store.db.Jdbc;
import io.pacer.store.journal.CrashRecovery;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two Pacer nodes on one PostgreSQL: node a (a child JVM) runs a progressive campaign and is killed with SIGKILL
 * mid-campaign; node b takes the campaign over once a's lease expires, and once its agent logs in there, dials the
 * rest. Every INVITE either node sent is in the carriers' logs: no contact is lost, none is dialled twice, every
 * attempt booked is a call that was placed (a's call in flight at the kill is booked interrupted), and the takeover
 * comes well within 30 seconds.
 */
class ClusterFailoverTest {

    private static final int CONTACTS = 80;
    private static final LeaseSettings LEASES = new LeaseSettings(1_000, 5_000); // 300 ms / 1.5 s flapped while JVMs started on loaded cores

    @Test
    void aKilledNodesCampaignIsTakenOverWithNoContactLostOrDialledTwice() throws Exception {
        String url = TestDatabases.postgresqlUrl();
        Path dir = Files.createTempDirectory("pacer-cluster");
        Path logA = dir.resolve("a.invites");
        Path logB = dir.resolve("b.invites");
        // Node b first: it migrates the database, so the child only validates it (a loaded machine starts slowly).
        Process a = null;
        try (Pacer b = ClusterNode.start(url, "node-b", logB, LEASES)) {
            a = node(url, "node-a", logA, dir.resolve("a.port"), dir.resolve("a.out"));
            ApiHarness apiB = ApiHarness.client(b.api().port(), "admin-token");
            JsonNode agent = apiB.user("ada", "AGENT");
            String agentToken = agent.get("token").asText();
            // Eight channels: a node's hopper holds 16 contacts, so a's queue (held after its death) is part of the list.
            long id = apiB.campaign("\"dialMode\":\"PROGRESSIVE\",\"maxChannels\":8,\"responsibleUsers\":[" + agent.get("id").asInt() + "]");
            StringBuilder csv = new StringBuilder("phone,name\n");
            for (int i = 0; i < CONTACTS; i++) {
                csv.append("+4930").append(3_000_000 + i).append(",C").append(i).append('\n');
            }
            assertEquals(201, apiB.importCsv(id, "APPEND", csv.toString(), "").status());
            ApiHarness apiA = ApiHarness.client(awaitPort(dir.resolve("a.port"), a), "admin-token");
            assertEquals(200, apiA.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status());
            assertEquals(200, apiA.post("/api/v1/campaigns/" + id + "/agents/me/login", agentToken, "").status());
            await(() -> invites(logA).size() >= CONTACTS / 4, 30_000, "node a dialled a quarter");
            a.destroyForcibly();
            assertTrue(a.waitFor(10, TimeUnit.SECONDS));
            long killedMillis = System.currentTimeMillis();
            List<String[]> dialledByA = invites(logA);

            await(() -> b.storage().leases().held().contains(id), 30_000, "node b took the campaign over");
            long takeoverMillis = System.currentTimeMillis() - killedMillis;
            assertTrue(takeoverMillis < 30_000, "taken over in " + takeoverMillis + " ms");
            System.out.println("ClusterFailoverTest: node b took the campaign over " + takeoverMillis + " ms after the kill");
            JsonNode nodes = apiB.get("/api/v1/nodes", "admin-token").json();
            assertEquals("node-b", nodes.get("nodeId").asText());
            assertTrue(nodes.get("leases").asBoolean());
            Map<String, JsonNode> byId = new HashMap<>();
            nodes.get("nodes").forEach(n -> byId.put(n.get("nodeId").asText(), n));
            assertEquals(id, byId.get("node-b").get("campaignIds").get(0).asLong(), nodes.toString());
            assertTrue(byId.get("node-b").get("alive").asBoolean(), nodes.toString());
            assertEquals(0, byId.get("node-a").get("campaignIds").size(), nodes.toString());
            assertTrue(apiB.get("/metrics", null).text().contains("pacer_node_leases{node=\"node-b\"} 1.0"),
                    "the lease gauge");
            // The takeover logs the campaign's responsible agent in on b by itself (LeasedCampaigns; over SIP b calls
            // her phone, ClusterKamailioSippTest), with no login through b's API.
            int ada = agent.get("id").asInt();
            await(() -> b.control().agentState(ada) == AgentState.READY, 10_000,
                    () -> "ada logged in on b by the takeover: " + b.control().agentState(ada));
            // The agent's phone comes back to the node that took the campaign over (it retries until that node's
            // core runs the campaign: the lease is taken a moment before the core is told).
            await(() -> {
                apiB.post("/api/v1/campaigns/" + id + "/agents/me/login", agentToken, "");
                b.control().awaitEventsHandled(1_000);
                return !invites(logB).isEmpty() || awaitQuietly(300) && !invites(logB).isEmpty();
            }, 30_000, () -> "node b dials; hopper " + b.storage().hopper().size((int) id) + ", states "
                    + b.storage().contacts().countByState(id) + ", agent " + b.control().agentState(agent.get("id").asInt())
                    + ", owner " + b.storage().campaigns().get(id).lockOwner() + ", dialable "
                    + b.storage().leases().dialable((int) id));
            // Every contact is dialled, but those a had only queued: CrashRecovery holds them (READY, no attempt)
            // for its uncertain window, since a's INVITE may have left before its mark was committed.
            long heldFrom = System.currentTimeMillis() + CrashRecovery.UNCERTAIN_HOLD_MILLIS - 120_000L;
            await(() -> b.storage().db().read(c -> Jdbc.number(c, "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING'"
                    + " OR (attempts = 0 AND state IN ('READY', 'CALLBACK') AND next_due_millis < ?)", heldFrom)) == 0,
                    30_000, "every contact dialled or held");
            assertTrue(b.storage().journal().flush(5_000));
            check(b, dialledByA, invites(logB), heldFrom);
        } finally {
            if (a != null) {
                a.destroyForcibly();
            }
        }
    }

    /** The INVITE logs against the database: every contact once, every attempt a placed call. */
    private static void check(Pacer b, List<String[]> dialledByA, List<String[]> dialledByB, long heldFrom) {
        Map<Long, List<String>> invitesPerContact = new HashMap<>();
        for (List<String[]> log : List.of(dialledByA, dialledByB)) {
            for (String[] invite : log) {
                invitesPerContact.computeIfAbsent(Long.parseLong(invite[3]), k -> new ArrayList<>())
                        .add(invite[1] + ":" + invite[4]);
            }
        }
        b.storage().db().read(c -> {
            assertEquals(CONTACTS, Jdbc.number(c, "SELECT COUNT(*) FROM contacts"), "no contact lost");
            List<long[]> attempts = Jdbc.query(c, "SELECT id, attempts, next_due_millis FROM contacts",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            Map<Long, List<String>> booked = new HashMap<>();
            for (Object[] row : Jdbc.query(c, "SELECT contact_id, call_id, call_outcome FROM activities",
                    rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})) {
                booked.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(row[2] + ":" + row[1]);
            }
            int unmarked = 0;
            int held = 0;
            for (long[] contact : attempts) {
                List<String> invites = invitesPerContact.getOrDefault(contact[0], List.of());
                List<String> calls = booked.getOrDefault(contact[0], List.of());
                if (contact[1] == 0) {
                    // Held by CrashRecovery: only queued by a, or placed by a an instant before the kill with its mark
                    // not yet committed (docs/operations.md: no attempt, its outcome died with a); never dialled by b.
                    assertTrue(contact[2] >= heldFrom && invites.size() <= 1
                            && invites.stream().allMatch(i -> i.startsWith("node-a:")), "contact " + contact[0]
                            + " neither dialled nor held: " + invites);
                    held++;
                    continue;
                }
                assertEquals(invites.size() > 0 ? 1 : 0, Math.min(1, contact[1]), "contact " + contact[0] + " " + invites);

                assertEquals(contact[1], calls.size(), "contact " + contact[0] + ": attempts are its booked calls " + calls);
                assertTrue(calls.size() <= invites.size(), "contact " + contact[0] + " charged for a call never placed: "
                        + calls + " vs " + invites);
                if (invites.size() > 1) {
                    // A contact dialled by both nodes: CrashRecovery's hold must prevent this (counted, must be none).
                    unmarked++;
                    assertEquals(2, invites.size(), "contact " + contact[0] + " dialled " + invites);
                    assertTrue(invites.get(0).startsWith("node-a:") && invites.get(1).startsWith("node-b:"), invites.toString());
                    assertEquals(1, calls.size(), "the redialled contact is booked once: " + calls);
                }
            }
            assertEquals(0, unmarked, unmarked + " contacts dialled twice");
            assertTrue(held < CONTACTS / 4, held + " contacts held: more than a's queue");
            assertTrue(dialledByB.size() >= CONTACTS / 2, "node b dialled the rest: " + dialledByB.size());
            return null;
        });
    }

    private static Process node(String url, String nodeId, Path log, Path port, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(),
                url, nodeId, log.toString(), port.toString(), Long.toString(LEASES.heartbeatMillis()),
                Long.toString(LEASES.leaseMillis())).redirectErrorStream(true).redirectOutput(new File(out.toString())).start();
    }

    private static int awaitPort(Path file, Process node) throws Exception {
        await(() -> Files.exists(file) || !node.isAlive(), 180_000, "node a listening");
        assertTrue(node.isAlive(), "node a died at start");
        return Integer.parseInt(Files.readString(file).trim());
    }

    private static List<String[]> invites(Path log) {
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            return Files.readAllLines(log).stream().filter(l -> l.startsWith("INVITE ")).map(l -> l.split(" "))
                    .filter(p -> p.length == 5).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean awaitQuietly(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(BooleanSupplier condition, long timeoutMillis, String what) throws InterruptedException {
        await(condition, timeoutMillis, () -> what);
    }

    private static void await(BooleanSupplier condition, long timeoutMillis, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, () -> "timed out waiting: " + what.get());
            Thread.sleep(20);
        }
    }
}
