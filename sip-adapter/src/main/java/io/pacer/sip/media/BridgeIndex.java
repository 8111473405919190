package io.pacer.sip.media;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Lets the engine's thread switch the relay itself when it calls {@code Telephony.bridge}: the SIP worker
 * publishes each answered call's customer port and each logged-in agent's port here, and the engine's thread
 * finds both without a queue, a lock or an allocation. A bridge then costs two volatile writes and no thread
 * hop; the worker only does the bookkeeping afterwards.
 *
 * <p>Calls are indexed by the low bits of their id (the engine's call-table slot). A slot taken by another live
 * call, or a port released
 * meanwhile, makes {@link #tryBridge} return false, and the bridge goes the slow way through the worker.
 */
public final class BridgeIndex {

    private final AtomicReferenceArray<RelayPort> calls;
    private final AtomicReferenceArray<RelayPort> agents;
    private final int mask;
    private final AnswerToBridgeMeter meter;

    /** An index for {@code callSlots} (a power of two) concurrent answered calls and agent ids below {@code maxAgents}. */
    public BridgeIndex(int callSlots, int maxAgents, AnswerToBridgeMeter meter) {
        if (Integer.bitCount(callSlots) != 1) {
            throw new IllegalArgumentException("callSlots must be a power of two, was " + callSlots);
        }
        this.calls = new AtomicReferenceArray<>(callSlots);
        this.agents = new AtomicReferenceArray<>(maxAgents);
        this.mask = callSlots - 1;
        this.meter = meter;
    }

    private int slot(long callId) {
        // The engine's call ids carry their call-table slot in the low bits, unique among live calls.
        return (int) callId & mask;
    }

    /** Worker thread: {@code port} carries answered call {@code callId}, answered at {@code answeredAtNanos}. */
    public void putCall(long callId, RelayPort port, long answeredAtNanos) {
        port.answeredAtNanos = answeredAtNanos;
        port.ownerCallId = callId;
        calls.set(slot(callId), port);
    }

    /** Worker thread: the call's port is about to be released. */
    public void removeCall(long callId, RelayPort port) {
        calls.compareAndSet(slot(callId), port, null);
    }

    /** Worker thread: an agent's session is up on {@code port}, or down ({@code null}). */
    public void putAgent(int agentId, RelayPort port) {
        if (agentId >= 0 && agentId < agents.length()) {
            agents.set(agentId, port);
        }
    }

    /**
     * Engine thread: switches the relay to connect the call to the agent, and records the answer-to-bridge
     * time. False when either side is not (or no longer) known here; the caller then leaves it to the worker.
     */
    public boolean tryBridge(long callId, int agentId) {
        if (agentId < 0 || agentId >= agents.length()) {
            return false;
        }
        RelayPort customer = calls.get(slot(callId));
        RelayPort agent = agents.get(agentId);
        if (customer == null || agent == null || customer.ownerCallId != callId) {
            return false;
        }
        RelayPort.bridge(customer, agent);
        if (customer.ownerCallId != callId) {
            // Released while we switched: the worker's reset may have run between our two writes (it then saw
            // the customer's peer but not yet the agent's), so undo both sides: the customer's, and the agent's
            // if it still points at this customer.
            customer.unbridge();
            agent.cutFrom(customer);
            return false;
        }
        meter.recordBridge(System.nanoTime() - customer.answeredAtNanos);
        return true;
    }

    /** True when the call's port is bridged to the agent's port (the worker checks before doing it itself). */
    public static boolean bridged(RelayPort customer, RelayPort agent) {
        return customer.peer() == agent && agent.peer() == customer;
    }
}
