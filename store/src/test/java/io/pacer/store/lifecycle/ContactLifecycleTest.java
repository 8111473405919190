package io.pacer.store.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.ContactSlot;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.journal.CrashRecovery;
import io.pacer.store.TestDatabases;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.HoursPeriod;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ContactState;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A contact's way through stop, shutdown, restart and operator repair, on both databases: nothing queued in the
 * hopper is left DIALING or charged an attempt, and nothing stranded stays out of reach.
 */
class ContactLifecycleTest {

    private static final int CONTACTS = 60;

    static Campaign newCampaign(Storage storage, String name) {
        return storage.campaigns().create(new Campaign(0, name, "", CampaignStatus.ENABLED, false, null, "UTC",
                DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440,
                Campaign.DEFAULT_SUBJECT, true, "DE", List.of(),
                Map.of(RetryClass.FAILURE, new RetryRule(900, 3)), List.of(), List.of()), System.currentTimeMillis());
    }

    static void importNumbers(Storage storage, long campaignId, int count) {
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < count; i++) {
            csv.append("+4930").append(2_000_000 + i).append('\n');
        }
        storage.importer().importCsv(campaignId, new StringReader(csv.toString()), ',',
                new ColumnMapping(List.of("phone"), null, List.of(), null), ImportMode.APPEND, "test",
                System.currentTimeMillis());
    }

    private static long count(Database db, String sql, Object... args) {
        return db.read(c -> Jdbc.number(c, sql, args));
    }

    private static void awaitQueued(Storage storage, long campaignId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (storage.hopper().size((int) campaignId) == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the hopper never filled");
            Thread.sleep(10);
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void stopHandsTheQueuedContactsBackReadyWithNoAttemptAndNoDelay(Supplier<Database> database) throws Exception {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = newCampaign(storage, "Stop").id();
            importNumbers(storage, id, CONTACTS);
            storage.startCampaign(id);
            awaitQueued(storage, id);
            assertTrue(count(storage.db(), "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING'") > 0, "queued contacts are DIALING");
            long stoppedAt = System.currentTimeMillis();
            storage.stopCampaign(id);
            assertEquals(0, count(storage.db(), "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING'"));
            assertEquals(CONTACTS, count(storage.db(), "SELECT COUNT(*) FROM contacts WHERE state = 'READY' AND next_due_millis <= ?", stoppedAt));
            assertEquals(0, count(storage.db(), "SELECT COUNT(*) FROM activities"), "no attempt for a call never placed");
            assertEquals(0, storage.hopper().size((int) id));
            assertFalse(storage.hopper().next((int) id, System.currentTimeMillis(), new ContactSlot()), "a stopped campaign gives nothing");
        }
    }

    static Storage open(String[] db, String engineId) {
        return Storage.open(db[0], db[1], null, engineId, SystemClock.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#bothUrls")
    void closingStorageHandsEveryQueueBackAndARestartRecoversNothing(String[] db) throws Exception {
        long id;
        try (Storage storage = open(db, "e1")) {
            id = newCampaign(storage, "Shutdown").id();
            importNumbers(storage, id, CONTACTS);
            storage.startCampaign(id);
            awaitQueued(storage, id);
        }
        try (Storage again = open(db, "e1")) {
            assertEquals(0, again.recoveredAtStart(), "a clean close leaves nothing in flight");
            assertEquals(0, count(again.db(), "SELECT COUNT(*) FROM activities"), "no INTERRUPTED attempt");
            assertEquals(CONTACTS, count(again.db(), "SELECT COUNT(*) FROM contacts WHERE state = 'READY' AND attempts = 0"));
            assertEquals(1, again.resumeCampaigns().size(), "the campaign it ran resumes");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#bothUrls")
    void recoveryCoversCampaignsNoEngineHoldsAndLeavesAnotherEnginesAlone(String[] db) {
        long unlocked;
        long theirs;
        try (Storage storage = open(db, "e1")) {
            unlocked = newCampaign(storage, "Stopped").id();
            theirs = newCampaign(storage, "Theirs").id();
            importNumbers(storage, unlocked, 5);
            importNumbers(storage, theirs, 1);
            assertTrue(storage.campaigns().lock(theirs, "e2", System.currentTimeMillis()));
            storage.db().write(c -> Jdbc.update(c, "UPDATE contacts SET state = 'DIALING'"));
            // Three of the stopped campaign's five were in placed calls; two were only queued.
            storage.db().write(c -> Jdbc.update(c, """
                    UPDATE contacts SET placed_call_id = 1000 + id WHERE id IN
                    (SELECT id FROM contacts WHERE campaign_id = ? ORDER BY id LIMIT 3)""", unlocked));
        }
        // Opened with the stranded contacts of a stopped campaign, as a crash leaves them.
        long openedMillis = System.currentTimeMillis();
        try (Storage again = open(db, "e1")) {
            assertEquals(3, again.recoveredAtStart(), "the placed calls of the unlocked campaign");
            assertEquals(0, count(again.db(), "SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND state = 'DIALING'", unlocked));
            assertEquals(3, count(again.db(), """
                    SELECT COUNT(*) FROM activities a JOIN contacts k ON k.id = a.contact_id
                    WHERE a.campaign_id = ? AND a.call_outcome = 'INTERRUPTED' AND a.call_id = 1000 + k.id AND k.attempts = 1""",
                    unlocked), "each placed call booked INTERRUPTED under its call id, one attempt");
            assertEquals(2, count(again.db(), """
                    SELECT COUNT(*) FROM contacts k WHERE k.campaign_id = ? AND k.state = 'READY' AND k.attempts = 0
                    AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.contact_id = k.id)""", unlocked),
                    "the contacts without a placement mark went back with no attempt");
            assertEquals(2, count(again.db(), "SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND state = 'READY' "
                    + "AND attempts = 0 AND next_due_millis >= ?", unlocked, openedMillis + CrashRecovery.UNCERTAIN_HOLD_MILLIS),
                    "held for the uncertainty window: a call may have left in the instant before its mark was committed");
            assertEquals(1, count(again.db(), "SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND state = 'DIALING'", theirs),
                    "a campaign another engine runs is its own to repair");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void anOperatorReleasesAStuckContactOnceNoEngineHoldsTheCampaign(Supplier<Database> database) {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = newCampaign(storage, "Stuck").id();
            importNumbers(storage, id, 1);
            long contact = storage.db().read(c -> Jdbc.number(c, "SELECT id FROM contacts"));
            storage.db().write(c -> Jdbc.update(c, "UPDATE contacts SET state = 'DIALING', next_due_millis = ?",
                    Long.MAX_VALUE / 2));
            assertTrue(storage.campaigns().lock(id, "gone", System.currentTimeMillis()));
            ConflictException running = assertThrows(ConflictException.class,
                    () -> storage.contacts().release(id, contact, System.currentTimeMillis()));
            assertTrue(running.getMessage().contains("gone"), running.getMessage());
            storage.campaigns().clearLock(id);
            long now = System.currentTimeMillis();
            assertEquals(ContactState.READY, storage.contacts().release(id, contact, now).state());
            assertEquals(now, storage.contacts().get(id, contact).nextDueMillis(), "due at once");
            assertEquals(0, count(storage.db(), "SELECT COUNT(*) FROM activities"), "no attempt booked");
            assertEquals("Renamed", storage.contacts().edit(id, contact, null, null, "Renamed", null, null).name(),
                    "a released contact can be edited");
            storage.contacts().delete(id, contact);
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aDuplicateKeepsTheDoNotCallListHoursAndRetriesAndNeverQueuesABlockedNumber(Supplier<Database> database)
            throws Exception {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            List<HoursPeriod> hours = new java.util.ArrayList<>();
            for (int day = 1; day <= 7; day++) {
                hours.add(new HoursPeriod(day, 0, 1440));
            }
            Campaign source = storage.campaigns().create(new Campaign(0, "Source", "", CampaignStatus.ENABLED,
                    false, null, "UTC", DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440,
                    Campaign.DEFAULT_SUBJECT, true, "DE", hours, Map.of(RetryClass.FAILURE, new RetryRule(900, 3),
                    RetryClass.BUSY, new RetryRule(120, 2)), List.of(), List.of()), System.currentTimeMillis());
            importNumbers(storage, source.id(), 20);
            String blocked = "+49302000007";
            storage.doNotCall().add(source.id(), blocked, System.currentTimeMillis());
            Campaign copy = storage.campaigns().duplicate(source.id(), "Copy", System.currentTimeMillis());

            assertEquals(List.of(blocked), storage.doNotCall().list(copy.id()));
            assertEquals(hours, copy.hours());
            assertEquals(source.retryRules(), copy.retryRules());
            assertEquals(ContactState.CLOSED, storage.db().read(c -> Jdbc.one(c,
                    "SELECT state FROM contacts WHERE campaign_id = ? AND phone = ?", rs -> ContactState.valueOf(rs.getString(1)),
                    copy.id(), blocked)).orElseThrow());
            storage.startCampaign(copy.id());
            Set<String> dialled = new HashSet<>();
            ContactSlot slot = new ContactSlot();
            long deadline = System.currentTimeMillis() + 10_000;
            while (dialled.size() < 19 && System.currentTimeMillis() < deadline) {
                if (storage.hopper().next((int) copy.id(), System.currentTimeMillis(), slot)) {
                    dialled.add(slot.number);
                } else {
                    Thread.sleep(10);
                }
            }
            assertEquals(19, dialled.size(), "every other number of the copy is dialled");
            assertFalse(dialled.contains(blocked), "the number blocked in the source is never dialled by the copy");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aDuplicateKeepsTheLockoutOfAContactTheSourceAbandonedAndEverySettingsTable(Supplier<Database> database) {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            // A 72-hour lockout after an abandoned call, as Ofcom's regime sets it.
            Campaign source = storage.campaigns().create(new Campaign(0, "Locked out", "", CampaignStatus.ENABLED,
                    false, null, "UTC", DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440,
                    Campaign.DEFAULT_SUBJECT, true, "DE", List.of(), Map.of(), List.of(), List.of(),
                    new io.pacer.store.campaign.Compliance(io.pacer.engine.campaign.Regime.CUSTOM, null, 72 * 60, true)),
                    System.currentTimeMillis());
            importNumbers(storage, source.id(), 3);
            long now = System.currentTimeMillis();
            long hourAgo = now - 3_600_000L;
            // The first contact was abandoned an hour ago, the second answered; the third was abandoned four days ago.
            String[] outcomes = {"ABANDONED", "CONNECTED", "ABANDONED"};
            long[] ends = {hourAgo, hourAgo, now - 4 * 86_400_000L};
            List<Long> ids = storage.db().read(c -> Jdbc.query(c, "SELECT id FROM contacts WHERE campaign_id = ? ORDER BY id",
                    rs -> rs.getLong(1), source.id()));
            for (int i = 0; i < 3; i++) {
                long contact = ids.get(i);
                String outcome = outcomes[i];
                long end = ends[i];
                storage.db().write(c -> Jdbc.update(c, """
                        INSERT INTO activities(call_id, campaign_id, contact_id, case_id, call_type, start_millis, end_millis,
                          duration_millis, called_number, agent_id, call_outcome, subject)
                        VALUES (?, ?, ?, 0, 'OUTBOUND', ?, ?, 0, '+49', -1, ?, 's')""", contact, source.id(), contact, end, end, outcome));
            }
            storage.db().write(c -> Jdbc.update(c, "INSERT INTO campaign_dialing(campaign_id, caller_id_mode, treatments) "
                    + "VALUES (?, 'ROTATE', '{}')", source.id()));
            storage.db().write(c -> Jdbc.update(c, "INSERT INTO campaign_call_logging(campaign_id, log_unanswered) VALUES (?, 0)",
                    source.id()));
            Campaign copy = storage.campaigns().duplicate(source.id(), "Copy", now);
            assertEquals(source.compliance(), copy.compliance(), "regime, lockout minutes, holidays, consent");
            assertEquals("ROTATE", storage.db().read(c -> Jdbc.one(c, "SELECT caller_id_mode FROM campaign_dialing WHERE campaign_id = ?",
                    rs -> rs.getString(1), copy.id())).orElseThrow(), "the dialling rules and treatments are copied");
            assertEquals(0, count(storage.db(), "SELECT log_unanswered FROM campaign_call_logging WHERE campaign_id = ?", copy.id()));
            List<Long> due = storage.db().read(c -> Jdbc.query(c,
                    "SELECT next_due_millis FROM contacts WHERE campaign_id = ? ORDER BY id", rs -> rs.getLong(1), copy.id()));
            assertEquals(hourAgo + 72 * 3_600_000L, due.get(0), "the abandoned contact waits out the source's lockout");
            assertEquals(now, due.get(1), "an answered contact is due at once");
            assertEquals(now, due.get(2), "a lockout that has ended holds nothing back");
        }
    }
}
