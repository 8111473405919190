package io.pacer.store.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JournalQueueTest {

    private static final int MAX_BATCH = 512;

    private final CallRecord record = new CallRecord();
    private final List<FinishedCall> batch = new ArrayList<>();
    private final List<FinishedCall> spare = spares(MAX_BATCH);

    private static List<FinishedCall> spares(int n) {
        List<FinishedCall> spare = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            spare.add(new FinishedCall());
        }
        return spare;
    }

    private void record(JournalQueue queue, long callId) {
        record.callId = callId;
        record.outcome = CallOutcome.CONNECTED;
        queue.record(record);
    }

    private List<Long> drain(JournalQueue queue, int maxSize) {
        batch.clear();
        queue.drainTo(batch, spare, maxSize);
        List<Long> ids = new ArrayList<>();
        for (FinishedCall call : batch) {
            ids.add(call.callId);
        }
        return ids;
    }

    @Test
    void keepsEveryCallThatFindsTheRingFullInRecordingOrder() {
        JournalQueue queue = new JournalQueue(4);
        for (long id = 0; id < 10; id++) {
            record(queue, id);
        }
        assertEquals(6, queue.overflowed());
        assertEquals(10, queue.recorded());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), drain(queue, MAX_BATCH));
        assertEquals(List.of(), drain(queue, MAX_BATCH));
    }

    @Test
    void placementsTravelWithTheCallsInRecordingOrderOnTheRingAndThroughTheOverflow() {
        JournalQueue queue = new JournalQueue(4);
        for (long id = 0; id < 5; id++) {
            queue.placed(id, 1, 100 + id);
            record(queue, id);
        }
        assertEquals(6, queue.overflowed(), "four on the ring, six through the overflow");
        assertEquals(List.of(0L, 0L, 1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L), drain(queue, MAX_BATCH));
        for (int i = 0; i < batch.size(); i++) {
            FinishedCall call = batch.get(i);
            boolean placement = i % 2 == 0;
            assertEquals(placement, call.placedOnly, "entry " + i);
            if (placement) {
                assertEquals(100 + call.callId, call.contactId, "a placement carries its contact");
                assertEquals(null, call.outcome, "a placement has no outcome");
            } else {
                assertEquals(CallOutcome.CONNECTED, call.outcome);
            }
        }
    }

    @Test
    void writesAnOverflowedCallBeforeALaterOneThatFoundTheRingFreeAgain() {
        JournalQueue queue = new JournalQueue(4);
        for (long id = 0; id < 5; id++) {
            record(queue, id);
        }
        assertEquals(List.of(0L, 1L), drain(queue, 2));
        record(queue, 5);
        record(queue, 6);
        assertEquals(1, queue.overflowed(), "calls 5 and 6 found room in the ring");
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), drain(queue, MAX_BATCH));
    }

    @Test
    void aRingSlotIsReusedOnlyAfterTheWriterCopiedItOut() {
        JournalQueue queue = new JournalQueue(2);
        record(queue, 1);
        record(queue, 2);
        assertEquals(List.of(1L, 2L), drain(queue, MAX_BATCH));
        List<FinishedCall> taken = new ArrayList<>(batch);
        record(queue, 3);
        record(queue, 4);
        assertEquals(0, queue.overflowed());
        assertEquals(1L, taken.get(0).callId, "the writer's copy must not change when the slot is reused");
        assertEquals(2L, taken.get(1).callId);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void carriesMillionsOfCallsFromTheCoreToTheWriterThreadInOrderWithoutLoss() throws Exception {
        long count = 2_000_000;
        JournalQueue queue = new JournalQueue(64);
        AtomicLong taken = new AtomicLong();
        Thread core = new Thread(() -> {
            CallRecord r = new CallRecord();
            r.outcome = CallOutcome.NO_ANSWER;
            for (long id = 0; id < count; id++) {
                // Bounds the overflow's memory in the test; the journal itself never waits.
                while (id - taken.get() > 100_000) {
                    Thread.yield();
                }
                r.callId = id;
                queue.record(r);
            }
        });
        core.start();
        List<FinishedCall> writerBatch = new ArrayList<>();
        List<FinishedCall> writerSpare = spares(MAX_BATCH);
        long expected = 0;
        while (expected < count) {
            writerBatch.clear();
            if (queue.drainTo(writerBatch, writerSpare, MAX_BATCH) == 0) {
                Thread.yield();
                continue;
            }
            for (FinishedCall call : writerBatch) {
                assertEquals(expected, call.callId, "calls must reach the writer once each, in recording order");
                expected++;
            }
            taken.set(expected);
        }
        core.join();
        writerBatch.clear();
        assertEquals(0, queue.drainTo(writerBatch, writerSpare, MAX_BATCH), "nothing after the last call");
        assertEquals(count, queue.recorded());
        assertTrue(queue.overflowed() > 0, "the run must have overflowed the ring, or the test proves too little");
    }
}
