package io.pacer.engine.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CallTableTest {

    @Test
    void aReusedSlotGetsANewIdAndTheOldOneIsStale() {
        CallTable t = new CallTable(1);
        long first = t.allocate(1, 10, "+1", 0, 1_000);
        t.release(first);
        long second = t.allocate(1, 11, "+1", 0, 1_000);
        assertEquals(CallTable.slot(first), CallTable.slot(second));
        assertFalse(t.live(first));
        assertTrue(t.live(second));
        assertEquals(11, t.contactId(second));
    }

    @Test
    void idsOfARestartedEngineAreAboveThoseOfThePreviousRun() {
        CallTable before = new CallTable(4);
        long last = 0;
        for (int i = 0; i < 500; i++) {
            last = before.allocate(1, i, "+1", 0, 1_700_000_000_000L + i / 10);
            before.release(last);
        }
        // Restarted a second later: a new table, same slots.
        CallTable after = new CallTable(4);
        long firstAfter = after.allocate(1, 0, "+1", 0, 1_700_000_001_000L);
        assertTrue(firstAfter > last, firstAfter + " > " + last);
        assertFalse(after.live(last));
    }

    @Test
    void rejectsIdsThatNameNoSlot() {
        CallTable t = new CallTable(2);
        assertFalse(t.live(-1));
        assertFalse(t.live(5));
        assertFalse(t.live((7L << CallTable.SLOT_BITS) | 1));
    }
}
