package io.pacer.simulator.world;

/**
 * Checks the engine's commands against what the simulated trunk knows: a call slot is not reused while its call
 * is live, only a ringing call is cancelled, only an answered call still waiting is bridged (to a free agent,
 * within the connect limit) or abandoned (not before the connect limit), and no answered call is left waiting
 * past its limit at the end of the shift. Each breach is counted in {@link ShiftStatistics#violations()}; a
 * command that breaks the world's state is refused, so one breach does not cascade into others.
 */
final class InvariantChecker {
    private final CallLines lines;
    private final AgentModel agents;
    private final ShiftStatistics stats;
    private final long connectLimitNanos;

    InvariantChecker(CallLines lines, AgentModel agents, ShiftStatistics stats, long connectLimitNanos) {
        this.lines = lines;
        this.agents = agents;
        this.stats = stats;
        this.connectLimitNanos = connectLimitNanos;
    }

    /** Counts a dial into slot {@code s} while the slot's call is live (the dial still goes ahead). */
    void checkDial(int s) {
        if (lines.live(s)) {
            stats.violation("call slot " + s + " reused while its call is live");
        }
    }

    /** True when call {@code id} in slot {@code s} may be cancelled (it rings). */
    boolean cancelAllowed(int s, long id) {
        if (!lines.holds(s, id, CallLines.RINGING)) {
            stats.violation("cancel of a call that is not ringing");
            return false;
        }
        return true;
    }

    /** True when call {@code id} may be bridged to {@code agentId} now; a late bridge is counted but allowed. */
    boolean bridgeAllowed(int s, long id, int agentId, long nowNanos) {
        boolean inbound = lines.holds(s, id, CallLines.QUEUED);
        if (!inbound && !lines.holds(s, id, CallLines.ANSWERED)) {
            stats.violation("bridge of a call that is not answered and waiting");
            return false;
        }
        if (!agents.free(agentId)) {
            stats.violation("bridge to agent " + agentId + " who is not free");
            return false;
        }
        if (!inbound && nowNanos - lines.answeredAtNanos[s] > connectLimitNanos) {
            // A caller waits in the queue up to the campaign's maximum wait; the connect limit is the dials'.
            stats.violation("bridge after the connect limit");
        }
        return true;
    }

    /** True when call {@code id} may be abandoned now; an early abandon is counted but allowed. */
    boolean abandonAllowed(int s, long id, long nowNanos) {
        if (!lines.holds(s, id, CallLines.ANSWERED)) {
            stats.violation("abandon of a call that is not answered and waiting");
            return false;
        }
        if (nowNanos - lines.answeredAtNanos[s] < connectLimitNanos) {
            stats.violation("abandoned before the connect limit");
        }
        return true;
    }

    /** At the end of the shift an answered call still waiting must be within its connect limit. */
    void checkShiftEnd(long endNanos) {
        for (int s = 0; s < lines.capacity(); s++) {
            if (lines.state[s] == CallLines.ANSWERED && endNanos - lines.answeredAtNanos[s] > connectLimitNanos) {
                stats.violation("answered call neither bridged nor abandoned");
            }
        }
    }
}
