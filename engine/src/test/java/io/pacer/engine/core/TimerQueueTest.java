package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    @Test
    void popsDeadlinesInOrderAndTiesInInsertionOrder() {
        TimerQueue q = new TimerQueue(2);
        q.add(30, 1, 300);
        q.add(10, 1, 100);
        q.add(20, 1, 201);
        q.add(20, 2, 202);
        long[] refs = new long[4];
        for (int i = 0; i < 4; i++) {
            refs[i] = q.peekRef();
            q.poll();
        }
        assertEquals(100, refs[0]);
        assertEquals(201, refs[1]);
        assertEquals(202, refs[2]);
        assertEquals(300, refs[3]);
        assertTrue(q.isEmpty());
    }

    @Test
    void staysOrderedUnderRandomUse() {
        TimerQueue q = new TimerQueue(16);
        SplittableRandom r = new SplittableRandom(7);
        long last = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            q.add(r.nextLong(1_000_000), 1, i);
            if (i % 3 == 0) {
                q.poll();
            }
        }
        while (!q.isEmpty()) {
            assertTrue(q.peekDeadline() >= last);
            last = q.peekDeadline();
            q.poll();
        }
    }
}
