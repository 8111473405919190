package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pacer run} in a child JVM, killed with SIGKILL mid-campaign over real SIP, then started again on the same
 * database (SQLite and PostgreSQL). A SIPp carrier rings every call for a second and then answers 486 Busy, and
 * logs every INVITE it receives: that log, not Pacer's, is the truth of which contacts were dialled. After the
 * second run has dialled everything due, the carrier's INVITEs are compared with what storage holds: no number
 * was dialled twice, no attempt is booked for a number the carrier never saw, no contact is left DIALING or
 * lost, and no blocked number reached the carrier. Contacts without a placement mark at the kill (queued, or
 * placed an instant before the mark was committed) are held, READY with no attempt, for
 * {@link CrashRecovery#UNCERTAIN_HOLD_MILLIS}.
 */
class RunSigkillSippTest {

    private static final String ENGINE = "pacer-sigkill-sip";
    private static final String TOKEN = "0123456789abcdef-token";
    private static final int CONTACTS = 100;
    private static final int BLOCKED = 6;
    private static final Path SCENARIOS = Path.of("../sip-adapter/src/test/sipp").toAbsolutePath();
    private static final Pattern INVITE = Pattern.compile("^INVITE sip:(\\+\\d+)@", Pattern.MULTILINE);

    static Stream<Named<String[]>> databases() {
        return Stream.of(Named.of("sqlite", new String[] {TestDatabases.sqliteUrl(), null}),
                Named.of("postgresql", new String[] {TestDatabases.postgresqlUrl(), "postgres"}));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aKilledRunDialsNoContactTwiceAndBooksNoCallTheCarrierNeverSaw(String[] db) throws Exception {
        long campaignId = prepare(db);
        Path dir = Files.createTempDirectory("pacer-sigkill-sip");
        int carrierPort = LoopbackPorts.signalling();
        int[] phonePorts = {LoopbackPorts.signalling(), LoopbackPorts.signalling()};
        Path config = writeConfig(dir, db, campaignId, carrierPort, phonePorts);
        Path invites = dir.resolve("carrier-messages.log");
        String sipp = System.getenv().getOrDefault("SIPP", "/usr/bin/sipp");
        // One carrier for both runs, as a real one outlives Pacer: it rings each call a second, then is busy.
        Process carrier = new ProcessBuilder(sipp, "-sf", SCENARIOS.resolve("carrier-ring-busy.xml").toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(carrierPort), "-nostdin", "-timeout", "600s", "-trace_msg",
                "-message_file", invites.toString()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("carrier.out").toFile()).start();
        List<SippProcess> phones = new ArrayList<>();
        Process pacer = null;
        try (Database check = Database.open(db[0], db[1], null)) {
            startPhones(phones, phonePorts, dir);
            Path firstOut = dir.resolve("first.log");
            pacer = run(config, firstOut);
            // Killed once calls are ringing and the journal has committed the placement of some of them.
            long deadline = System.currentTimeMillis() + 90_000;
            while (numbers(invites).size() < 20 || count(check, "SELECT COUNT(*) FROM contacts WHERE placed_call_id IS NOT NULL "
                    + "AND state = 'DIALING'") == 0) {
                assertTrue(pacer.isAlive(), "pacer run ended: " + Files.readString(firstOut));
                assertTrue(System.currentTimeMillis() < deadline, "the first run never had calls placed and marked: "
                        + Files.readString(firstOut));
                Thread.sleep(20);
            }
            pacer.destroyForcibly();
            assertTrue(pacer.waitFor(10, TimeUnit.SECONDS));
            assertEquals(137, pacer.exitValue(), "killed by SIGKILL");
            Set<Long> placedAtKill = ids(check, "SELECT id FROM contacts WHERE state = 'DIALING' AND placed_call_id IS NOT NULL");
            Set<Long> unmarkedAtKill = ids(check, "SELECT id FROM contacts WHERE state = 'DIALING' AND placed_call_id IS NULL");
            int dialledBeforeRestart = numbers(invites).size();
            assertTrue(dialledBeforeRestart < CONTACTS - BLOCKED, "killed mid-campaign");

            phones.forEach(SippProcess::close);
            phones.clear();
            startPhones(phones, phonePorts, dir);
            long restartMillis = System.currentTimeMillis();
            Path secondOut = dir.resolve("second.log");
            pacer = run(config, secondOut);
            deadline = System.currentTimeMillis() + 90_000;
            while (!Files.readString(secondOut).contains("API on") || count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING' "
                    + "OR (state = 'READY' AND next_due_millis <= " + System.currentTimeMillis() + ")") > 0) {
                assertTrue(pacer.isAlive(), "the second run ended: " + Files.readString(secondOut));
                assertTrue(System.currentTimeMillis() < deadline, "the second run did not dial what was due: "
                        + Files.readString(secondOut));
                Thread.sleep(50);
            }
            pacer.destroy();
            assertTrue(pacer.waitFor(30, TimeUnit.SECONDS), "the second run did not stop on SIGTERM");
            assertEquals(0, pacer.exitValue(), Files.readString(secondOut));
            carrier.destroy();
            assertTrue(carrier.waitFor(5, TimeUnit.SECONDS));

            Map<String, Integer> dialled = numbers(invites);
            assertTrue(dialled.size() > dialledBeforeRestart, "the second run dialled on");
            Map<String, Long> phoneToId = new HashMap<>();
            for (Object[] row : check.read(c -> Jdbc.query(c, "SELECT phone, id FROM contacts",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)}))) {
                phoneToId.put((String) row[0], (Long) row[1]);
            }
            dialled.forEach((number, times) -> assertEquals(1, times, number + " dialled twice"));
            for (String blocked : blockedNumbers()) {
                assertTrue(!dialled.containsKey(blocked), "blocked number dialled: " + blocked);
            }
            assertEquals(BLOCKED, count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'CLOSED' AND closed_reason = 'DO_NOT_CALL'"));
            // Every attempt stored is a call the carrier saw: by activity and by the contacts' attempt counters.
            for (Object[] row : check.read(c -> Jdbc.query(c, "SELECT called_number, COUNT(*) FROM activities GROUP BY called_number",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)}))) {
                assertTrue((Long) row[1] <= dialled.getOrDefault((String) row[0], 0), "attempt booked for a call never placed: " + row[0]);
            }
            for (Object[] row : check.read(c -> Jdbc.query(c, "SELECT phone, attempts FROM contacts",
                    rs -> new Object[] {rs.getString(1), rs.getInt(2)}))) {
                assertTrue((Integer) row[1] <= dialled.getOrDefault((String) row[0], 0), "attempt counted for a call never placed: " + row[0]);
            }
            assertEquals(0, count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING'"), "a contact stranded DIALING");
            assertEquals(CONTACTS, count(check, "SELECT COUNT(*) FROM contacts"), "no contact lost");
            // The calls in flight whose placement was marked are the interrupted ones; the rest are held, unbooked.
            assertEquals(placedAtKill, ids(check, "SELECT contact_id FROM activities WHERE call_outcome = 'INTERRUPTED'"),
                    "each placed call in flight at the kill booked INTERRUPTED");
            assertEquals(unmarkedAtKill.size(), count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'READY' AND attempts = 0 "
                    + "AND next_due_millis >= " + (restartMillis + CrashRecovery.UNCERTAIN_HOLD_MILLIS)),
                    "the contacts without a placement mark at the kill are held, with no attempt");
            // A contact never dialled is READY with no attempt (held, or not reached yet), or closed as blocked.
            Set<String> invited = dialled.keySet();
            for (Map.Entry<String, Long> contact : phoneToId.entrySet()) {
                if (!invited.contains(contact.getKey())) {
                    assertEquals(1, count(check, "SELECT COUNT(*) FROM contacts WHERE id = " + contact.getValue()
                            + " AND attempts = 0 AND state IN ('READY', 'CLOSED')"), "contact never dialled but not READY: " + contact);
                }
            }
            System.out.printf("sigkill over SIP (%s): %d dialled before the kill, %d placed and marked, %d held unmarked "
                    + "(of which %d reached the carrier), %d dialled in all%n", db[1] == null ? "sqlite" : "postgresql",
                    dialledBeforeRestart, placedAtKill.size(), unmarkedAtKill.size(), unmarkedAtKill.stream()
                    .filter(id -> phoneToId.entrySet().stream().anyMatch(e -> e.getValue().equals(id) && invited.contains(e.getKey())))
                    .count(), dialled.size());
        } finally {
            if (pacer != null) {
                pacer.destroyForcibly();
            }
            carrier.destroyForcibly();
            phones.forEach(SippProcess::close);
        }
    }

    /** The campaign (power dialling, ten calls per ready agent), its contacts and blocked numbers, locked. */
    private static long prepare(String[] db) {
        try (Storage storage = Storage.open(db[0], db[1], null, ENGINE, SystemClock.INSTANCE)) {
            long desk1 = storage.users().create("desk1", Role.AGENT, "desk1-token").id();
            long desk2 = storage.users().create("desk2", Role.AGENT, "desk2-token").id();
            assertEquals(List.of(1L, 2L), List.of(desk1, desk2), "a fresh database numbers the phones' users 1 and 2");
            // Busy and failure wait an hour: any second INVITE to a number within this test is a double dial.
            long id = storage.campaigns().create(new Campaign(0, "Sigkill over SIP", "", CampaignStatus.ENABLED, false, null,
                    "UTC", DialMode.POWER, 10, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440, Campaign.DEFAULT_SUBJECT, true,
                    "DE", List.of(), Map.of(RetryClass.FAILURE, new RetryRule(3600, 3), RetryClass.BUSY, new RetryRule(3600, 3)),
                    List.of(desk1, desk2), List.of()), System.currentTimeMillis()).id();
            StringBuilder csv = new StringBuilder("phone\n");
            for (int i = 0; i < CONTACTS; i++) {
                csv.append("+4930").append(7_000_000 + i).append('\n');
            }
            storage.importer().importCsv(id, new StringReader(csv.toString()), ',',
                    new ColumnMapping(List.of("phone"), null, List.of(), null), ImportMode.APPEND, "test", 0);
            // Blocked on the global list after the import: only the hopper's checks keep them from the carrier.
            for (String number : blockedNumbers()) {
                storage.db().write(c -> Jdbc.update(c,
                        "INSERT INTO do_not_call(campaign_id, phone, created_millis) VALUES (0, ?, 0)", number));
            }
            assertTrue(storage.campaigns().lock(id, ENGINE, System.currentTimeMillis()));
            return id;
        }
    }

    private static List<String> blockedNumbers() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < BLOCKED; i++) {
            out.add("+4930" + (7_000_000 + i * 13));
        }
        return out;
    }

    private static Path writeConfig(Path dir, String[] db, long campaignId, int carrierPort, int[] phonePorts) throws Exception {
        Path config = dir.resolve("pacer.yaml");
        Files.writeString(config, "sip:\n  bindAddress: 127.0.0.1\n  port: " + LoopbackPorts.signalling()
                + "\n  notifyAgents: false\n  rtp: {portMin: 31400, portMax: 31500}\n"
                + "  trunks:\n    - {name: carrier, address: \"127.0.0.1:" + carrierPort + "\", maxChannels: 30, "
                + "maxCallsPerSecond: 60, campaigns: [" + campaignId + "]}\n"
                + "  agents:\n"
                + "    - {id: 1, username: desk1, campaign: " + campaignId + ", address: \"127.0.0.1:" + phonePorts[0] + "\"}\n"
                + "    - {id: 2, username: desk2, campaign: " + campaignId + ", address: \"127.0.0.1:" + phonePorts[1] + "\"}\n"
                + "storage:\n  url: \"" + db[0] + "\"\n" + (db[1] == null ? "" : "  user: " + db[1] + "\n")
                + "  engineId: " + ENGINE + "\napi:\n  host: 127.0.0.1\n  port: 0\n  adminToken: " + TOKEN + "\n");
        return config;
    }

    private static void startPhones(List<SippProcess> phones, int[] ports, Path dir) throws Exception {
        for (int port : ports) {
            SippProcess phone = SippProcess.uas(SCENARIOS.resolve("agent-answer.xml"), port, dir, "-aa");
            phones.add(phone);
            phone.awaitListening(port);
        }
    }

    private static Process run(Path config, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--config", config.toString()).redirectErrorStream(true).redirectOutput(new File(out.toString())).start();
    }

    /** Number dialled to how many INVITEs for it the carrier received (retransmissions counted once by Call-ID). */
    private static Map<String, Integer> numbers(Path log) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        if (!Files.exists(log)) {
            return out;
        }
        Set<String> calls = new HashSet<>();
        Pattern callId = Pattern.compile("^Call-ID: *(\\S+)", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
        for (String message : Files.readString(log).split("\\n-{10,}")) {
            Matcher invite = INVITE.matcher(message);
            Matcher id = callId.matcher(message);
            if (invite.find() && id.find() && calls.add(id.group(1))) {
                out.merge(invite.group(1), 1, Integer::sum);
            }
        }
        return out;
    }

    private static Set<Long> ids(Database check, String sql) {
        return new HashSet<>(check.read(c -> Jdbc.query(c, sql, rs -> rs.getLong(1))));
    }

    private static long count(Database check, String sql) {
        return check.read(c -> Jdbc.number(c, sql));
    }
}
