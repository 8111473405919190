package io.pacer.simulator.world;

import io.pacer.engine.call.CallTable;
import io.pacer.engine.core.EngineInput;
import io.pacer.simulator.scenario.InboundModel;
import io.pacer.simulator.scenario.Scenario;

/**
 * Customers who call the campaign back (blending): a Poisson stream of calls at the scenario's rate, offered to
 * the engine's inbound desk; a taken call rings in the campaign's queue until an agent takes it, the caller's
 * patience runs out (they hang up) or the engine gives up at the maximum wait. Each caller's talk and patience come
 * from draws keyed by its number, like an outbound contact's fate, so a run is deterministic.
 */
final class InboundCallers {
    /** Inbound keys and contact-like ids of callers start here, far from the outbound contacts' ids. */
    private static final long FIRST_CALLER = 1L << 40;

    private final InboundModel model;
    private final long seed;
    private final VirtualClock clock;
    private final CallLines lines;
    private final ShiftStatistics stats;
    private long nextCaller = FIRST_CALLER;

    InboundCallers(Scenario scenario, long seed, VirtualClock clock, CallLines lines, ShiftStatistics stats) {
        this.model = scenario.inbound();
        this.seed = seed;
        this.clock = clock;
        this.lines = lines;
        this.stats = stats;
    }

    /** Schedules the first arrival, when the scenario has callers. */
    void start() {
        if (model.enabled()) {
            scheduleNext(clock.nowNanos());
        }
    }

    private void scheduleNext(long nowNanos) {
        double u = Draws.uniform(seed, nextCaller, 11);
        long gap = (long) (-Math.log(1 - u) * 3_600e9 / model.perHour());
        clock.schedule(nowNanos + Math.max(1, gap), SimulatedWorld.INBOUND_ARRIVAL, nextCaller);
    }

    /** A caller rings: offered to the engine under its key; the next one is scheduled. */
    void arrive(long caller, long nowNanos, EngineInput engine) {
        nextCaller = caller + 1;
        stats.inboundOffered++;
        engine.inboundOffered(caller, SimulatedWorld.INBOUND_NUMBER, "+1555" + (caller - FIRST_CALLER));
        scheduleNext(nowNanos);
    }

    /** The engine took the caller as call {@code id}: it rings in the queue, and hangs up when its patience ends. */
    void accepted(long caller, long id) {
        int s = CallTable.slot(id);
        long now = clock.nowNanos();
        lines.callId[s] = id;
        lines.state[s] = CallLines.QUEUED;
        lines.contact[s] = caller;
        lines.agent[s] = -1;
        lines.answeredAtNanos[s] = now;
        if (model.patience() != null) {
            long patience = model.patience().sampleNanos(Draws.uniform(seed, caller, 12), Draws.uniform(seed, caller, 13));
            clock.schedule(now + Math.max(1, patience), SimulatedWorld.INBOUND_GIVE_UP, id);
        }
    }

    /** The engine refused the caller (no agent logged in, no slot). */
    void refused() {
        stats.inboundRefused++;
    }

    /** How long the caller in slot {@code s} talks once an agent takes it; counts the answer. */
    long answered(int s) {
        stats.inboundAnswered++;
        stats.inboundWaitNanos += clock.nowNanos() - lines.answeredAtNanos[s];
        long caller = lines.contact[s];
        return Math.max(1_000_000_000L, model.talkTime().sampleNanos(Draws.uniform(seed, caller, 14),
                Draws.uniform(seed, caller, 15)));
    }

    /** The caller's patience ran out while queued: it hangs up (the engine records it missed). */
    void gaveUp(long id, EngineInput engine) {
        int s = CallTable.slot(id);
        if (lines.holds(s, id, CallLines.QUEUED)) {
            lines.state[s] = CallLines.DONE;
            stats.inboundMissed++;
            engine.callEnded(id);
        }
    }

    /** The engine gave up on a queued caller at the maximum wait (refused it). */
    void timedOut(int s) {
        lines.state[s] = CallLines.DONE;
        stats.inboundMissed++;
    }
}
