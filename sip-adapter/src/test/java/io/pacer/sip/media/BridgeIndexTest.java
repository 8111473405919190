package io.pacer.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BridgeIndexTest {

    private static final int SLOTS = 16;
    private static final int AGENT = 2;

    private final AnswerToBridgeMeter meter = new AnswerToBridgeMeter();
    private final BridgeIndex index = new BridgeIndex(SLOTS, 4, meter);
    private final RelayPort customer = new RelayPort(null, 40_000);
    private final RelayPort agent = new RelayPort(null, 40_002);

    /** A call id as the engine makes them: a sequence in the high bits over the call-table slot. */
    private static long callId(long sequence, int slot) {
        return sequence << 16 | slot;
    }

    @Test
    void bridgesAnAnsweredCallToAKnownAgentAndTimesIt() {
        long call = callId(1, 5);
        index.putCall(call, customer, System.nanoTime());
        index.putAgent(AGENT, agent);
        assertTrue(index.tryBridge(call, AGENT));
        assertTrue(BridgeIndex.bridged(customer, agent));
        assertEquals(1, meter.totalAnswerToBridge().getTotalCount());
    }

    @Test
    void leavesTheBridgeToTheWorkerWhenEitherSideIsUnknownOrStale() {
        long call = callId(1, 5);
        assertFalse(index.tryBridge(call, AGENT), "no call, no agent");
        index.putCall(call, customer, 0);
        assertFalse(index.tryBridge(call, AGENT), "no agent port");
        index.putAgent(AGENT, agent);
        assertFalse(index.tryBridge(callId(2, 5), AGENT), "the slot holds another call");
        assertFalse(index.tryBridge(call, 99), "agent id out of range");
        index.removeCall(call, customer);
        assertFalse(index.tryBridge(call, AGENT), "the call was removed");
        assertNull(customer.peer());
        assertNull(agent.peer());
    }

    @Test
    void removingAnOldCallDoesNotEvictTheNewCallInItsSlot() {
        RelayPort newer = new RelayPort(null, 40_004);
        index.putCall(callId(1, 5), customer, 0);
        index.putCall(callId(2, 5), newer, 0);
        index.removeCall(callId(1, 5), customer);
        index.putAgent(AGENT, agent);
        assertTrue(index.tryBridge(callId(2, 5), AGENT));
        assertSame(agent, newer.peer());
    }

    /**
     * The worker releases the customer's port (remove, then reset) while the engine's thread bridges the same
     * call. Whoever wins, once both are done a released port must be cut from the agent in both directions, or
     * the agent would hear the next call on that port.
     */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReleaseRacingABridgeNeverLeavesTheAgentOnAReleasedPort() throws Exception {
        int rounds = 50_000;
        index.putAgent(AGENT, agent);
        AtomicLong offered = new AtomicLong(-1);
        AtomicLong starting = new AtomicLong(-1);
        AtomicLong attempted = new AtomicLong(-1);
        AtomicLong bridgedBeforeRelease = new AtomicLong();
        AtomicReference<String> violation = new AtomicReference<>();
        Thread engine = new Thread(() -> {
            long last = -1;
            while (last != callId(rounds - 1, 7)) {
                long call = offered.get();
                if (call == last) {
                    Thread.yield();
                    continue;
                }
                starting.set(call);
                if (index.tryBridge(call, AGENT)) {
                    bridgedBeforeRelease.incrementAndGet();
                }
                last = call;
                attempted.set(call);
            }
        });
        engine.start();
        for (int round = 0; round < rounds; round++) {
            long call = callId(round, 7);
            index.putCall(call, customer, System.nanoTime());
            offered.set(call);
            for (int waited = 0; starting.get() != call; waited++) {
                if (waited < 1_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            // Both threads are running now; a varying delay lands the release before, during and after the bridge.
            for (int spin = round % 32; spin > 0; spin--) {
                Thread.onSpinWait();
            }
            index.removeCall(call, customer);
            customer.reset();
            while (attempted.get() != call) {
                Thread.yield();
            }
            if (customer.peer() != null || agent.peer() == customer) {
                violation.compareAndSet(null, "round " + round + ": customer.peer=" + customer.peer() + " agent.peer=" + agent.peer());
            }
        }
        engine.join();
        assertNull(violation.get());
        assertTrue(bridgedBeforeRelease.get() > 0, "the engine must have bridged while the call was live");
    }
}
