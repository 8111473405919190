package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import io.pacer.pacing.DialMode;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EngineRingTest {

    private static Thread startThread(Runnable r) {
        Thread t = new Thread(r, "test-publisher");
        t.start();
        return t;
    }

    /** Telephony that records dialed calls; the test answers them from other threads, like an adapter would. */
    private static final class AnsweringTelephony implements Telephony {
        final ConcurrentLinkedQueue<Long> dialed = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> abandoned = new ConcurrentLinkedQueue<>();
        final CountDownLatch bridged;
        EngineRing ring;

        AnsweringTelephony(int bridges) {
            bridged = new CountDownLatch(bridges);
        }

        @Override
        public void dial(long callId, int campaignId, long contactId, String number, String callerId, long t) {
            dialed.add(callId);
        }

        @Override
        public void cancel(long callId) {
        }

        @Override
        public void bridge(long callId, int agentId) {
            bridged.countDown();
        }

        @Override
        public void hangUp(long callId) {
        }

        @Override
        public void abandon(long callId) {
            abandoned.add(callId);
        }

        @Override
        public void offerPreview(int agentId, long contactId, String number) {
        }
    }

    private static final class Counting implements ContactSupply {
        final AtomicLong next = new AtomicLong(1);

        @Override
        public boolean next(int campaignId, long epochMillis, ContactSlot out) {
            out.contactId = next.getAndIncrement();
            out.number = "+4511111111";
            return true;
        }

        @Override
        public void giveBack(int campaignId, long contactId) {
        }
    }

    @Test
    void liveRingBridgesAnsweredCallsAndAbandonsSurplusOnRealTime() throws Exception {
        AnsweringTelephony telephony = new AnsweringTelephony(2);
        try (EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, telephony,
                new Counting(), r -> { }, 1024)) {
            telephony.ring = ring;
            ring.submit(c -> c.upsertCampaign(new CampaignConfig(1, "live", DialMode.POWER, 2.0, 0.0, 0.03,
                    15_000, 200, 10, null)));
            Thread a = startThread(() -> ring.agentLogin(0, 1));
            Thread b = startThread(() -> ring.agentLogin(1, 1));
            a.join();
            b.join();
            // Power 2.0 with two ready agents: four calls in flight before any is answered.
            long dialDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (telephony.dialed.size() < 4 && System.nanoTime() < dialDeadline) {
                Thread.sleep(5);
            }
            assertEquals(4, telephony.dialed.size());
            java.util.List<Thread> answering = new java.util.ArrayList<>();
            for (long callId : telephony.dialed) {
                answering.add(startThread(() -> ring.callAnswered(callId)));
            }
            for (Thread t : answering) {
                t.join();
            }
            assertTrue(telephony.bridged.await(5, TimeUnit.SECONDS), "two agents bridged");
            // Two answers beyond the two agents: abandoned after the 200 ms connect limit.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (telephony.abandoned.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, telephony.abandoned.size(), "polled timers fired the connect limit");
            CampaignStats s = ring.query(c -> c.stats(1)).get(5, TimeUnit.SECONDS);
            assertEquals(4, s.answers());
            assertEquals(2, s.connects());
            assertEquals(2, s.abandons());
            assertEquals(2, s.agentsOnCall());
            assertTrue(ring.coreAnswerToBridge().percentileNanos(99) > 0);
        }
    }

    @Test
    void queryReportsFailuresOfTheCommandToTheCaller() throws Exception {
        try (EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE,
                new AnsweringTelephony(0), new Counting(), r -> { }, 64)) {
            var f = ring.query(c -> c.upsertCampaign(new CampaignConfig(999, "too high", DialMode.PROGRESSIVE,
                    1.0, 0, 0.03, 15_000, 2_000, 1, null)));
            var ex = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(5, TimeUnit.SECONDS));
            assertTrue(ex.getCause().getMessage().startsWith("id:"), ex.getCause().getMessage());
            assertEquals(CallOutcome.CONNECTED, CallOutcome.ofOrdinal(0));
        }
    }
}
