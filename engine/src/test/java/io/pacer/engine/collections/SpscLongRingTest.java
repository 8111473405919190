package io.pacer.engine.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SpscLongRingTest {

    private static final long EMPTY = Long.MIN_VALUE;

    @Test
    void roundsCapacityUpToAPowerOfTwo() {
        assertEquals(2, new SpscLongRing(1).capacity());
        assertEquals(2, new SpscLongRing(2).capacity());
        assertEquals(4, new SpscLongRing(3).capacity());
        assertEquals(1024, new SpscLongRing(1000).capacity());
        assertEquals(1024, new SpscLongRing(1024).capacity());
    }

    @Test
    void refusesWhenFullAndAnswersEmptyWhenDrained() {
        SpscLongRing ring = new SpscLongRing(4);
        assertEquals(EMPTY, ring.poll(EMPTY));
        for (long v = 1; v <= 4; v++) {
            assertTrue(ring.offer(v));
        }
        assertFalse(ring.offer(5));
        assertEquals(4, ring.size());
        assertEquals(1, ring.poll(EMPTY));
        assertTrue(ring.offer(5), "a polled slot is free again");
        assertFalse(ring.offer(6));
        for (long v = 2; v <= 5; v++) {
            assertEquals(v, ring.poll(EMPTY));
        }
        assertEquals(EMPTY, ring.poll(EMPTY));
        assertEquals(0, ring.size());
    }

    @Test
    void keepsFifoOrderAcrossManyWrapArounds() {
        SpscLongRing ring = new SpscLongRing(8);
        long next = 0;
        long expected = 0;
        for (int round = 0; round < 10_000; round++) {
            int burst = round % 9;
            for (int i = 0; i < burst; i++) {
                assertTrue(ring.offer(next++));
            }
            for (int i = 0; i < burst; i++) {
                assertEquals(expected++, ring.poll(EMPTY));
            }
        }
        assertEquals(next, expected);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void carriesMillionsOfValuesBetweenTwoThreadsInOrderWithoutLoss() throws Exception {
        long count = 5_000_000;
        SpscLongRing ring = new SpscLongRing(256);
        AtomicLong refusedOffers = new AtomicLong();
        Thread producer = new Thread(() -> {
            long refused = 0;
            for (long v = 1; v <= count; v++) {
                while (!ring.offer(v)) {
                    refused++;
                    Thread.yield();
                }
            }
            refusedOffers.set(refused);
        });
        producer.start();
        long expected = 1;
        long emptyPolls = 0;
        while (expected <= count) {
            long v = ring.poll(EMPTY);
            if (v == EMPTY) {
                emptyPolls++;
                Thread.yield();
                continue;
            }
            assertEquals(expected, v, "values must arrive once each, in order");
            expected++;
        }
        producer.join();
        assertEquals(EMPTY, ring.poll(EMPTY), "nothing arrives after the last value");
        assertEquals(0, ring.size());
        assertTrue(refusedOffers.get() + emptyPolls > 0, "the run must have met a full or an empty ring");
    }
}
