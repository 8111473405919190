package io.pacer.store.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.Storage;
import io.pacer.store.TestDatabases;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.journal.CrashRecovery;
import io.pacer.store.error.ConflictException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Leases on a real PostgreSQL: a node cut off from the database stops dialling at once and gives its campaign up
 * at its deadline; another node takes the campaign over once the lease has expired, puts back what the first had
 * only queued and books its placed call as interrupted; of two nodes seeing one expired lease exactly one takes it;
 * SQLite keeps locks.
 */
class LeaseKeeperTest {

    private static final LeaseSettings FAST = new LeaseSettings(300, 1_500);

    @Test
    void aNodeCutOffStopsDiallingAtOnceAndAnotherTakesTheCampaignOverWithRecovery() throws Exception {
        String url = TestDatabases.postgresqlUrl();
        Storage a = Storage.open(url, "postgres", null, "node-a", SystemClock.INSTANCE, FAST);
        long id = campaign(a, 10);
        a.startCampaign(id);
        ContactSlot slot = new ContactSlot();
        await(() -> a.hopper().next((int) id, System.currentTimeMillis(), slot), "node a's hopper filled");
        long placedContact = slot.contactId;
        a.journal().placed(77, id, placedContact);
        assertTrue(a.journal().flush(5_000));
        assertEquals(List.of(id), a.leases().held());

        try (java.sql.Connection cut = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            // Node a's connections die: every renewal, claim and journal write of it fails from now on.
            Jdbc.query(cut, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()", rs -> rs.getBoolean(1));
        }
        long cutNanos = System.nanoTime();
        await(() -> !a.leases().dialable((int) id), "node a stopped dialling");
        assertTrue(System.nanoTime() - cutNanos < 1_500_000_000L, "stopped before its lease could expire");
        assertFalse(a.hopper().next((int) id, System.currentTimeMillis(), slot), "no contact leaves a's hopper");
        await(() -> a.leases().held().isEmpty(), "node a gave the campaign up at its deadline");
        try (Database admin = Database.open(url, "postgres", null)) {

            List<Campaign> acquired = new CopyOnWriteArrayList<>();
            try (Storage b = Storage.open(url, "postgres", null, "node-b", SystemClock.INSTANCE, FAST)) {
                b.leases().listen(new LeaseListener() {
                    @Override
                    public void acquired(Campaign campaign) {
                        acquired.add(campaign);
                    }

                    @Override
                    public void lost(long campaignId) {
                    }
                });
                await(() -> !acquired.isEmpty(), "node b took the campaign over");
                assertEquals(id, acquired.get(0).id());
                assertEquals("node-b", b.campaigns().get(id).lockOwner());
                admin.read(c -> {
                    assertEquals(1L, Jdbc.number(c, "SELECT COUNT(*) FROM activities WHERE call_outcome = 'INTERRUPTED'"
                            + " AND call_id = 77 AND contact_id = ?", placedContact), "a's placed call booked interrupted");
                    assertEquals(1L, Jdbc.number(c, "SELECT COUNT(*) FROM activities"), "no attempt for a call never placed");
                    assertEquals(10L, Jdbc.number(c, "SELECT COUNT(*) FROM contacts"), "no contact lost");
                    return null;
                });
                Map<String, NodeLeases> nodes = new java.util.HashMap<>();
                await(() -> {
                    nodes.clear();
                    b.leases().nodes().forEach(n -> nodes.put(n.nodeId(), n));
                    return nodes.size() == 2 && !nodes.get("node-a").alive();
                }, "node a seen dead");
                assertEquals(List.of(), nodes.get("node-a").campaignIds());
                assertTrue(nodes.get("node-b").alive());
                assertEquals(List.of(id), nodes.get("node-b").campaignIds());
                // What a had queued is b's now, back to READY with no attempt, but held for CrashRecovery's
                // uncertain window: a's INVITE may have left before its mark was committed, so none is dialled at once.
                long now = System.currentTimeMillis();
                assertFalse(b.hopper().next((int) id, now, slot), "a queued contact is handed out at once");
                admin.read(c -> {
                    assertEquals(9L, Jdbc.number(c, "SELECT COUNT(*) FROM contacts WHERE state = 'READY' AND attempts = 0"
                            + " AND next_due_millis >= ?", now + CrashRecovery.UNCERTAIN_HOLD_MILLIS - 60_000L),
                            "a's queued contacts are ready, uncharged, and held");
                    return null;
                });
            }
        } finally {
            closeCutOff(a);
        }
    }

    @Test
    void ofTwoNodesSeeingOneExpiredLeaseExactlyOneTakesIt() {
        String url = TestDatabases.postgresqlUrl();
        try (Storage s = Storage.open(url, "postgres", null, "node-x", SystemClock.INSTANCE, FAST)) {
            long id = campaign(s, 1);
            s.db().write(c -> Jdbc.update(c, "UPDATE campaigns SET lock_owner = 'ghost', lease_expires_millis = 1 WHERE id = ?", id));
            CampaignLeases leases = new CampaignLeases(s.db());
            CampaignLeases.Taken taken = leases.take(id, "node-y", 10_000);
            assertEquals("ghost", taken.previousOwner());
            assertTrue(taken.recover(), "taken from another node: recover first");
            ConflictException late = assertThrows(ConflictException.class, () -> leases.take(id, "node-z", 10_000));
            assertTrue(late.getMessage().contains("node-y"), late.getMessage());
            assertFalse(leases.take(id, "node-y", 10_000).recover(), "its own live lease: nothing to recover");
            assertEquals(List.of(), leases.expired());
        }
    }

    @Test
    void sqliteKeepsLocks() {
        try (Storage s = Storage.open(TestDatabases.sqliteUrl(), null, null, "solo", SystemClock.INSTANCE)) {
            assertNull(s.leases(), "one engine on SQLite holds locks, not leases");
            long id = campaign(s, 1);
            s.startCampaign(id);
            assertEquals("solo", s.campaigns().get(id).lockOwner());
            assertEquals(List.of(0L), s.db().read(c -> Jdbc.query(c,
                    "SELECT COUNT(lease_expires_millis) FROM campaigns WHERE id = ?", rs -> rs.getLong(1), id)));
        }
    }

    static long campaign(Storage storage, int contacts) {
        Campaign campaign = storage.campaigns().create(new Campaign(0, "Leased", "", CampaignStatus.ENABLED, false, null,
                "UTC", io.pacer.pacing.DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440,
                Campaign.DEFAULT_SUBJECT, true, "DE", List.of(), Map.of(), List.of(), List.of()), System.currentTimeMillis());
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < contacts; i++) {
            csv.append("+4930").append(2_000_000 + i).append('\n');
        }
        storage.importer().importCsv(campaign.id(), new StringReader(csv.toString()), ',',
                new ColumnMapping(List.of("phone"), null, List.of(), null), ImportMode.APPEND, "test",
                System.currentTimeMillis());
        return campaign.id();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting: " + what);
            Thread.sleep(10);
        }
    }

    private static void closeCutOff(Storage storage) {
        try {
            storage.close();
        } catch (RuntimeException expected) {
            // its connections were killed: closing cannot write anything, which is the point
        }
    }
}
