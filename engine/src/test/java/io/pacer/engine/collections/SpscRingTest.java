package io.pacer.engine.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SpscRingTest {

    @Test
    void refusesWhenFullAndReturnsNullWhenEmpty() {
        SpscRing<String> ring = new SpscRing<>(2);
        assertNull(ring.poll());
        assertTrue(ring.offer("a"));
        assertTrue(ring.offer("b"));
        assertFalse(ring.offer("c"));
        assertEquals(2, ring.size());
        assertEquals("a", ring.poll());
        assertTrue(ring.offer("c"));
        assertEquals("b", ring.poll());
        assertEquals("c", ring.poll());
        assertNull(ring.poll());
        assertEquals(0, ring.size());
    }

    @Test
    void refusesNullBecauseNullMeansEmpty() {
        assertThrows(NullPointerException.class, () -> new SpscRing<String>(4).offer(null));
    }

    @Test
    void dropsItsReferenceToAPolledElement() {
        SpscRing<Object> ring = new SpscRing<>(4);
        Object element = new Object();
        WeakReference<Object> weak = new WeakReference<>(element);
        ring.offer(element);
        assertSame(element, ring.poll());
        element = null;
        for (int i = 0; i < 20 && weak.get() != null; i++) {
            System.gc();
        }
        assertNull(weak.get(), "the ring must not keep a taken element alive");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void carriesMillionsOfElementsBetweenTwoThreadsInOrderWithoutLoss() throws Exception {
        int count = 2_000_000;
        Long[] elements = new Long[4096];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = (long) i;
        }
        SpscRing<Long> ring = new SpscRing<>(128);
        AtomicLong refusedOffers = new AtomicLong();
        Thread producer = new Thread(() -> {
            long refused = 0;
            for (int i = 0; i < count; i++) {
                while (!ring.offer(elements[i & (elements.length - 1)])) {
                    refused++;
                    Thread.yield();
                }
            }
            refusedOffers.set(refused);
        });
        producer.start();
        long emptyPolls = 0;
        for (int i = 0; i < count; ) {
            Long element = ring.poll();
            if (element == null) {
                emptyPolls++;
                Thread.yield();
                continue;
            }
            assertSame(elements[i & (elements.length - 1)], element, "element " + i + " out of order or lost");
            i++;
        }
        producer.join();
        assertNull(ring.poll(), "nothing arrives after the last element");
        assertTrue(refusedOffers.get() + emptyPolls > 0, "the run must have met a full or an empty ring");
    }
}
