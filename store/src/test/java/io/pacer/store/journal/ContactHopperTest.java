package io.pacer.store.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.port.ContactSlot;
import io.pacer.store.TestDatabases;
import io.pacer.store.contact.DoNotCallList;
import io.pacer.store.db.Database;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ContactHopperTest {

    private static final int CAMPAIGN = 3;
    private static final long NOW_MILLIS = 1_700_000_000_000L;

    private static Database db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabases.sqlite();
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    private static HopperEntry entry(long contactId) {
        return new HopperEntry(contactId, "+4420" + contactId, -1, Long.MAX_VALUE);
    }

    private static ContactHopper.CampaignQueue openQueue(ContactHopper hopper, int capacity) {
        ContactHopper.CampaignQueue queue = hopper.queue(CAMPAIGN, capacity);
        queue.openUntilMillis = Long.MAX_VALUE;
        return queue;
    }

    private static List<Long> drainReturned(ContactHopper hopper) {
        List<Long> values = new ArrayList<>();
        long v;
        while ((v = hopper.pollReturned()) != 0) {
            values.add(v);
        }
        return values;
    }

    @Test
    void handsOutLoadedContactsInOrderAndSendsBlockedAndExpiredOnesBack() {
        DoNotCallList doNotCall = new DoNotCallList(db);
        ContactHopper hopper = new ContactHopper(doNotCall);
        ContactSlot slot = new ContactSlot();
        assertFalse(hopper.next(CAMPAIGN, NOW_MILLIS, slot), "no queue for the campaign yet");
        ContactHopper.CampaignQueue queue = openQueue(hopper, 8);
        queue.ring.offer(entry(1));
        queue.ring.offer(entry(2));
        queue.ring.offer(new HopperEntry(3, "+44203", -1, NOW_MILLIS));
        queue.ring.offer(entry(4));
        doNotCall.remember(CAMPAIGN, "+44202");

        assertTrue(hopper.next(CAMPAIGN, NOW_MILLIS, slot));
        assertEquals(1, slot.contactId);
        assertEquals("+44201", slot.number);
        assertTrue(hopper.next(CAMPAIGN, NOW_MILLIS, slot));
        assertEquals(4, slot.contactId, "2 is on the do-not-call list and 3's calling window has ended");
        assertFalse(hopper.next(CAMPAIGN, NOW_MILLIS, slot));
        assertEquals(List.of(2 | ContactHopper.BLOCKED, 3L), drainReturned(hopper));
    }

    @Test
    void aStoppedCampaignsQueueIsTakenBackWholeAndTheCoreGetsNoneOfIt() {
        ContactHopper hopper = new ContactHopper(new DoNotCallList(db));
        ContactHopper.CampaignQueue queue = openQueue(hopper, 8);
        for (long id = 1; id <= 5; id++) {
            queue.ring.offer(entry(id));
        }
        List<Long> taken = new ArrayList<>();
        ContactHopper.takeAll(queue, taken);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), taken);
        queue.ring.offer(entry(6));
        assertFalse(hopper.next(CAMPAIGN, NOW_MILLIS, new ContactSlot()), "a stopped queue gives the core nothing");
        assertEquals(1, hopper.size(CAMPAIGN));
        assertEquals(List.of(), drainReturned(hopper), "nothing went through the core's give-back ring");
    }

    @Test
    void givesBackMoreThanTheRingHoldsWithoutLosingOne() {
        ContactHopper hopper = new ContactHopper(new DoNotCallList(db));
        int count = 100_000;
        for (long id = 1; id <= count; id++) {
            hopper.giveBack(CAMPAIGN, id);
        }
        List<Long> back = drainReturned(hopper);
        assertEquals(count, back.size());
        assertEquals(count, back.stream().distinct().count());
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refillAndCoreThreadsPassMillionsOfContactsBothWaysWithoutLoss() throws Exception {
        int count = 1_000_000;
        ContactHopper hopper = new ContactHopper(new DoNotCallList(db));
        ContactHopper.CampaignQueue queue = openQueue(hopper, 256);
        BitSet returned = new BitSet(count + 1);
        long[] duplicates = {0};
        Thread refill = new Thread(() -> {
            int next = 1;
            int back = 0;
            while (back < count / 2) {
                if (next <= count && queue.ring.offer(entry(next))) {
                    next++;
                }
                long v = hopper.pollReturned();
                if (v != 0) {
                    duplicates[0] += returned.get((int) v) ? 1 : 0;
                    returned.set((int) v);
                    back++;
                }
            }
        });
        refill.start();
        ContactSlot slot = new ContactSlot();
        long expected = 1;
        while (expected <= count) {
            if (!hopper.next(CAMPAIGN, NOW_MILLIS, slot)) {
                Thread.yield();
                continue;
            }
            assertEquals(expected, slot.contactId, "contacts must reach the core once each, in load order");
            if (expected % 2 == 0) {
                hopper.giveBack(CAMPAIGN, expected);
            }
            expected++;
        }
        refill.join();
        assertEquals(0, duplicates[0]);
        assertEquals(count / 2, returned.cardinality());
        assertEquals(count / 2, returned.stream().filter(id -> id % 2 == 0).count(), "only the given-back ids");
    }
}
