package io.pacer.store;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.journal.CrashRecovery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.core.SystemClock;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stops a running campaign's process mid-campaign, with SIGKILL (a crash) or SIGTERM (an orderly shutdown), and
 * checks after a restart that no contact was lost or stranded, none was dialled twice (after a crash, a contact is
 * redialled only after its call was recorded as interrupted), no blocked number was dialled, and: after SIGKILL
 * every placed call in flight was recorded INTERRUPTED under its call id, with the same {@code call.finished}
 * webhook as any finished call, while contacts without a placement mark (queued in the hopper, taken but not yet
 * placed, or placed an instant before the mark could be committed) went back with no attempt and are held for
 * {@link CrashRecovery#UNCERTAIN_HOLD_MILLIS}, so none is dialled twice; after SIGTERM nothing was booked
 * INTERRUPTED and nothing is held.
 */
class CrashRecoveryTest {

    private static final int CONTACTS = 400;

    private static final int BLOCKED = 10;

    static Stream<Arguments> databasesAndSignals() {
        return Stream.of("SIGKILL", "SIGTERM").flatMap(signal -> Stream.of(
                Arguments.of(Named.of("sqlite", new String[] {TestDatabases.sqliteUrl(), "-"}), signal),
                Arguments.of(Named.of("postgresql", new String[] {TestDatabases.postgresqlUrl(), "postgres"}), signal)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databasesAndSignals")
    void aStoppedProcessLosesNoContactDialsNoneTwiceAndNoBlockedNumber(String[] db, String signal) throws Exception {
        boolean crash = signal.equals("SIGKILL");
        String url = db[0];
        String user = "-".equals(db[1]) ? null : db[1];
        long campaignId;
        try (Storage storage = Storage.open(url, user, null, "drill", SystemClock.INSTANCE)) {
            Campaign campaign = storage.campaigns().create(new Campaign(0, "Drill", "", CampaignStatus.ENABLED, false, null, "UTC",
                    io.pacer.pacing.DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440,
                    Campaign.DEFAULT_SUBJECT, true, "DE", List.of(), Map.of(RetryClass.FAILURE, new RetryRule(0, 10)),
                    List.of(), List.of()), System.currentTimeMillis());
            campaignId = campaign.id();
            new io.pacer.store.webhook.WebhookSubscriptions(storage.db()).create("http://127.0.0.1:9/hook",
                    List.of("call.finished"), "drill-secret-0123456789", System.currentTimeMillis());
            StringBuilder csv = new StringBuilder("phone\n");
            for (int i = 0; i < CONTACTS; i++) {
                csv.append("+4930").append(1_000_000 + i).append('\n');
            }
            storage.importer().importCsv(campaignId, new java.io.StringReader(csv.toString()), ',',
                    new io.pacer.store.contact.ColumnMapping(List.of("phone"), null, List.of(), null),
                    io.pacer.store.contact.ImportMode.APPEND, "test", System.currentTimeMillis());
            // Blocked on the global list after the import, behind the list's back: only the hopper's checks stop them.
            for (int i = 0; i < BLOCKED; i++) {
                String number = "+4930" + (1_000_000 + i * 37);
                storage.db().write(c -> Jdbc.update(c, "INSERT INTO do_not_call(campaign_id, phone, created_millis) VALUES (0, ?, 0)", number));
            }
        }
        Path dir = Files.createTempDirectory("pacer-drill");
        Path firstLog = dir.resolve("first.log");
        Path secondLog = dir.resolve("second.log");

        Process first = drill(url, db[1], campaignId, firstLog, 0);
        long deadline = System.currentTimeMillis() + 60_000;
        while (count(firstLog, "DIAL ") < CONTACTS / 3) {
            assertTrue(first.isAlive(), "the drill ended before it was killed");
            assertTrue(System.currentTimeMillis() < deadline, "the drill dialled too slowly");
            Thread.sleep(5);
        }
        // A crash waits until the journal has committed the mark of at least one minute-long call (up at the kill).
        Map<Long, Long> markedBeforeKill = Map.of();
        long markDeadline = System.currentTimeMillis() + 60_000;
        while (crash && markedBeforeKill.isEmpty()) {
            assertTrue(first.isAlive(), "the drill ended before it was killed");
            assertTrue(System.currentTimeMillis() < markDeadline, "the journal committed no placement");
            Thread.sleep(100);
            markedBeforeKill = placedMarks(url, user);
        }
        if (crash) {
            first.destroyForcibly();
        } else {
            first.destroy();
        }
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertEquals(crash ? 137 : 143, first.exitValue(), "stopped by " + signal);

        Map<Long, Long> firstDials = dials(firstLog);
        Set<Long> ended = ends(firstLog);
        Set<Long> inFlightAtKill = new HashSet<>();
        for (Map.Entry<Long, Long> dial : firstDials.entrySet()) {
            if (!ended.contains(dial.getKey())) {
                inFlightAtKill.add(dial.getValue());
            }
        }
        assertTrue(firstDials.size() < CONTACTS, "killed before the end");
        // Marks committed before the kill whose calls had not ended: calls surely placed and in flight at the kill.
        Map<Long, Long> placedBeforeKill = new HashMap<>();
        for (Map.Entry<Long, Long> mark : markedBeforeKill.entrySet()) {
            if (!ended.contains(mark.getValue())) {
                placedBeforeKill.put(mark.getKey(), mark.getValue());
            }
        }

        Map<Long, Long> markedPlaced = new HashMap<>();
        Set<Long> queuedAtKill = new HashSet<>();
        try (Database check = Database.open(url, user, null)) {
            long dialling = check.read(c -> Jdbc.number(c, "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING'"));
            check.read(c -> {
                for (long[] row : Jdbc.query(c, "SELECT id, COALESCE(placed_call_id, -1) FROM contacts WHERE state = 'DIALING'",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
                    if (row[1] < 0) {
                        queuedAtKill.add(row[0]);
                    } else {
                        markedPlaced.put(row[0], row[1]);
                    }
                }
                return null;
            });
            if (crash) {
                assertTrue(dialling >= inFlightAtKill.size(), "every call in flight is still marked DIALING");
                assertTrue(!placedBeforeKill.isEmpty(), "the kill found calls placed and marked before it");
                assertTrue(!queuedAtKill.isEmpty(), "the kill found contacts queued but not placed");
                for (Map.Entry<Long, Long> placed : placedBeforeKill.entrySet()) {
                    assertEquals(placed.getValue(), markedPlaced.get(placed.getKey()),
                            "the journal marked the placed call of contact " + placed.getKey());
                }
                // A call that ended just before the kill may still be marked: its record was lost with the process.
                assertTrue(firstDials.values().containsAll(markedPlaced.keySet()), "only contacts whose call was placed are marked");
            } else {
                assertEquals(Set.of(), inFlightAtKill, "SIGTERM let the calls in flight end");
                assertEquals(0, dialling, "SIGTERM handed the hopper back: nothing stranded DIALING");
            }
        }
        long restartMillis = System.currentTimeMillis();
        Process second = drill(url, db[1], campaignId, secondLog, 1_000_000);
        assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the restarted drill did not finish");
        assertEquals(0, second.exitValue(), new String(second.getInputStream().readAllBytes()));

        Map<Long, Long> secondDials = dials(secondLog);
        assertEquals("RESUMED", Files.readAllLines(secondLog).get(0), "the restarted engine resumed its locked campaign");
        try (Database check = Database.open(url, user, null)) {
            check.read(c -> {
                assertEquals(CONTACTS, Jdbc.number(c, "SELECT COUNT(*) FROM contacts"), "no contact lost");
                assertEquals(CONTACTS - BLOCKED - queuedAtKill.size(), Jdbc.number(c,
                        "SELECT COUNT(*) FROM contacts WHERE state = 'AWAITING_OUTCOME'"), "every contact not held was reached");
                for (long held : queuedAtKill) {
                    assertEquals(1L, Jdbc.number(c, "SELECT COUNT(*) FROM contacts WHERE id = ? AND state = 'READY' AND attempts = 0 "
                            + "AND next_due_millis >= ?", held, restartMillis + CrashRecovery.UNCERTAIN_HOLD_MILLIS),
                            "contact " + held + " without a placement mark at the kill is held, with no attempt");
                }
                assertEquals(BLOCKED, Jdbc.number(c, "SELECT COUNT(*) FROM contacts WHERE state = 'CLOSED' AND closed_reason = 'DO_NOT_CALL'"));
                Set<Long> blockedIds = new HashSet<>(Jdbc.query(c, "SELECT id FROM contacts WHERE closed_reason = 'DO_NOT_CALL'",
                        rs -> rs.getLong(1)));
                assertEquals(0, Jdbc.number(c, """
                        SELECT COUNT(*) FROM (SELECT contact_id FROM activities WHERE call_outcome = 'CONNECTED'
                        GROUP BY contact_id HAVING COUNT(*) <> 1) twice"""), "each contact connected exactly once");
                Map<Long, Long> interrupted = new HashMap<>();
                for (long[] row : Jdbc.query(c, "SELECT contact_id, COUNT(*) FROM activities WHERE call_outcome = 'INTERRUPTED' GROUP BY contact_id",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
                    interrupted.put(row[0], row[1]);
                }
                if (crash) {
                    assertTrue(!interrupted.isEmpty(), "the kill left contacts in the hopper or in flight");
                } else {
                    assertEquals(Map.of(), interrupted, "no attempt booked for a call never placed");
                }
                assertTrue(firstDials.values().containsAll(interrupted.keySet()), "no attempt booked for a call never placed");
                for (long queued : queuedAtKill) {
                    assertTrue(!interrupted.containsKey(queued), "contact only queued at the kill booked INTERRUPTED: " + queued);
                }
                for (Map.Entry<Long, Long> placed : markedPlaced.entrySet()) {
                    assertEquals(1L, interrupted.get(placed.getKey()), "placed call in flight at the kill recorded as interrupted");
                    assertEquals(1L, Jdbc.number(c, "SELECT COUNT(*) FROM activities WHERE call_outcome = 'INTERRUPTED' AND call_id = ?",
                            placed.getValue()), "the interrupted attempt carries the call's id");
                }
                assertEquals(Jdbc.number(c, "SELECT COUNT(*) FROM activities"),
                        Jdbc.number(c, "SELECT COUNT(*) FROM webhook_events WHERE type = 'call.finished'"),
                        "every finished call, interrupted ones included, has its call.finished webhook");
                assertEquals((long) interrupted.size(), Jdbc.number(c,
                        "SELECT COUNT(*) FROM webhook_events WHERE type = 'call.finished' AND data LIKE '%\"callOutcome\":\"INTERRUPTED\"%'"),
                        "crash recovery's interrupted attempts have their call.finished webhook");
                Map<Long, Integer> dialsPerContact = new HashMap<>();
                for (Map<Long, Long> log : List.of(firstDials, secondDials)) {
                    for (long contact : log.values()) {
                        dialsPerContact.merge(contact, 1, Integer::sum);
                    }
                }
                Set<Long> neverDialled = new HashSet<>(queuedAtKill);
                neverDialled.removeAll(firstDials.values());
                assertEquals(CONTACTS - BLOCKED - neverDialled.size(), dialsPerContact.size(),
                        "every contact dialled but the blocked ones and those held before their first dial");
                for (long blocked : blockedIds) {
                    assertTrue(!dialsPerContact.containsKey(blocked), "blocked contact dialled: " + blocked);
                }
                for (Map.Entry<Long, Integer> e : dialsPerContact.entrySet()) {
                    // A call placed an instant before the kill whose mark was not committed yet is held, not redialled.
                    assertTrue(e.getValue() <= 1 + interrupted.getOrDefault(e.getKey(), 0L),
                            "contact " + e.getKey() + " dialled " + e.getValue() + " times without an interruption between");
                }
                Set<Long> recordedCalls = new HashSet<>(Jdbc.query(c, "SELECT call_id FROM activities WHERE call_id IS NOT NULL",
                        rs -> rs.getLong(1)));
                Map<Long, Long> allDials = new HashMap<>(firstDials);
                allDials.putAll(secondDials);
                assertTrue(allDials.keySet().containsAll(recordedCalls), "every recorded call was dialled");
                return null;
            });
        }
    }

    private static Process drill(String url, String user, long campaignId, Path log, long firstCallId) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashDrill.class.getName(),
                url, user, Long.toString(campaignId), log.toString(), Long.toString(firstCallId))
                .redirectErrorStream(true).redirectOutput(new File(log + ".out")).start();
    }

    private static long count(Path log, String prefix) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith(prefix) && l.endsWith(l.trim())).count();
        }
    }

    /** Call id to contact id of every complete DIAL line. */
    private static Map<Long, Long> dials(Path log) throws IOException {
        Map<Long, Long> dials = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals("DIAL")) {
                dials.put(Long.parseLong(parts[2]), Long.parseLong(parts[1]));
            }
        }
        return dials;
    }

    /** Contact id to placed call id of the minute-long calls (every tenth) whose placement the journal committed. */
    private static Map<Long, Long> placedMarks(String url, String user) throws java.sql.SQLException {
        Map<Long, Long> marks = new HashMap<>();
        try (java.sql.Connection c = user == null ? java.sql.DriverManager.getConnection(url)
                : java.sql.DriverManager.getConnection(url, user, "")) {
            for (long[] row : Jdbc.query(c, """
                    SELECT id, placed_call_id FROM contacts WHERE state = 'DIALING' AND placed_call_id IS NOT NULL
                    AND placed_call_id % 10 = 0""", rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
                marks.put(row[0], row[1]);
            }
        }
        return marks;
    }

    private static Set<Long> ends(Path log) throws IOException {
        Set<Long> ends = new HashSet<>();
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[0].equals("END")) {
                ends.add(Long.parseLong(parts[1]));
            }
        }
        return ends;
    }
}
