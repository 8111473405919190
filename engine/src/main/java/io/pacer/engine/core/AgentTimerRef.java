package io.pacer.engine.core;

/**
 * The reference an agent's timer carries: the agent id in the low 32 bits and the agent's
 * {@link io.pacer.engine.agent.AgentTable#stateEpoch state epoch} when it was set in the high 32 bits. Timers
 * are never cancelled; one that fires after the agent has changed state finds another epoch and is ignored, the
 * way a call's timer finds another call id's sequence.
 */
final class AgentTimerRef {

    private AgentTimerRef() {
    }

    static long of(int agentId, int epoch) {
        return ((long) epoch << 32) | (agentId & 0xFFFF_FFFFL);
    }

    static int agent(long ref) {
        return (int) ref;
    }

    static int epoch(long ref) {
        return (int) (ref >>> 32);
    }
}
