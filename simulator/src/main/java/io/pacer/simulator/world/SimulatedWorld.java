package io.pacer.simulator.world;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.core.EngineInput;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.port.Telephony;
import io.pacer.simulator.scenario.Scenario;

/**
 * The simulated outside world behind the engine's {@link Telephony} port: contacts who answer, are busy, fail
 * or let it ring, and agents who talk and wrap up. Every reaction is scheduled as a future event on the
 * {@link VirtualClock}, never delivered inside the port call, so the core is never re-entered.
 *
 * <p>It checks the engine as it goes: an agent is in at most one call, a call is bridged only to an idle agent
 * and only once, only answered calls are bridged or abandoned, and every answered call ends one way or the
 * other. Breaches are counted in {@link ShiftStatistics#violations()}.
 */
public final class SimulatedWorld implements Telephony {
    static final int CALL_ANSWER = VirtualClock.WORLD_KINDS;
    static final int CALL_FAIL = VirtualClock.WORLD_KINDS + 1;
    static final int TALK_END = VirtualClock.WORLD_KINDS + 2;
    static final int WRAP_END = VirtualClock.WORLD_KINDS + 3;
    static final int AGENT_STEP = VirtualClock.WORLD_KINDS + 4;
    private static final int PLAN_ANSWER = 1;
    private static final int PLAN_BUSY = 2;
    private static final int PLAN_FAIL = 3;
    private static final int PLAN_RING_OUT = 4;
    private static final int AGENT_OFF = 0;
    private static final int AGENT_IDLE = 1;
    private static final int AGENT_TALK = 2;
    private static final int AGENT_WRAP = 3;
    private static final int AGENT_RESERVED = 4;
    private static final int CALL_FREE = 0;
    private static final int CALL_RINGING = 1;
    private static final int CALL_ANSWERED = 2;
    private static final int CALL_BRIDGED = 3;
    private static final int CALL_DONE = 4;

    private final Scenario scenario;
    private final long seed;
    private final VirtualClock clock;
    private final ShiftStatistics stats;
    private EngineInput engine;
    private final long[] callId;
    private final byte[] callState;
    private final byte[] plan;
    private final long[] contact;
    private final long[] answeredAt;
    private final int[] callAgent;
    private final byte[] agentState;
    private final boolean[] leaving;
    private final long[] agentSince;
    private final long[] loggedInSince;
    private final long[] wrapNanosOf;

    /**
     * @param maxCalls  call slots of the engine (call ids map onto them)
     * @param maxAgents agent ids that may log in
     */
    public SimulatedWorld(Scenario scenario, long seed, VirtualClock clock, int maxCalls, int maxAgents) {
        this.scenario = scenario;
        this.seed = seed;
        this.clock = clock;
        this.stats = new ShiftStatistics(scenario.shiftNanos());
        callId = new long[maxCalls];
        callState = new byte[maxCalls];
        plan = new byte[maxCalls];
        contact = new long[maxCalls];
        answeredAt = new long[maxCalls];
        callAgent = new int[maxCalls];
        agentState = new byte[maxAgents];
        leaving = new boolean[maxAgents];
        agentSince = new long[maxAgents];
        loggedInSince = new long[maxAgents];
        wrapNanosOf = new long[maxAgents];
    }

    /** Connects the world to the engine it reports to; then schedules the agent steps of the scenario. */
    public void attach(EngineInput input) {
        this.engine = input;
        for (int i = 0; i < scenario.agents().size(); i++) {
            clock.schedule(scenario.agents().atNanos(i), AGENT_STEP, i);
        }
    }

    /** What was measured. */
    public ShiftStatistics statistics() {
        return stats;
    }

    // ------------------------------------------------------------ Telephony (called by the core)

    @Override
    public void dial(long id, int campaignId, long contactId, String number, String callerId, long ringTimeoutMillis) {
        int s = CallTable.slot(id);
        if (callState[s] != CALL_FREE && callState[s] != CALL_DONE) {
            stats.violation("call slot " + s + " reused while its call is live");
        }
        long now = clock.nowNanos();
        stats.dials++;
        callId[s] = id;
        callState[s] = CALL_RINGING;
        contact[s] = contactId;
        callAgent[s] = -1;
        double u = Draws.uniform(seed, contactId, 1);
        double pAnswer = scenario.answerProbability().valueAt(now);
        long timeout = ringTimeoutMillis * 1_000_000L;
        if (u < pAnswer) {
            long ring = scenario.ringTime().sampleNanos(Draws.uniform(seed, contactId, 2), Draws.uniform(seed, contactId, 3));
            if (ring < timeout) {
                plan[s] = PLAN_ANSWER;
                clock.schedule(now + ring, CALL_ANSWER, id);
            } else {
                plan[s] = PLAN_RING_OUT;
            }
        } else if (u < pAnswer + scenario.busyProbability()) {
            plan[s] = PLAN_BUSY;
            long t = scenario.busyTime().sampleNanos(Draws.uniform(seed, contactId, 2), Draws.uniform(seed, contactId, 3));
            clock.schedule(now + Math.min(t, timeout - 1), CALL_FAIL, id);
        } else if (u < pAnswer + scenario.busyProbability() + scenario.failureProbability()) {
            plan[s] = PLAN_FAIL;
            long t = scenario.failureTime().sampleNanos(Draws.uniform(seed, contactId, 2), Draws.uniform(seed, contactId, 3));
            clock.schedule(now + Math.min(t, timeout - 1), CALL_FAIL, id);
        } else {
            plan[s] = PLAN_RING_OUT;
        }
    }

    @Override
    public void cancel(long id) {
        int s = CallTable.slot(id);
        if (callId[s] != id || callState[s] != CALL_RINGING) {
            stats.violation("cancel of a call that is not ringing");
            return;
        }
        // The carrier confirms the CANCEL with 487 a moment later; any pending answer is now void.
        plan[s] = PLAN_RING_OUT;
        clock.schedule(clock.nowNanos(), CALL_FAIL, id);
    }

    @Override
    public void bridge(long id, int agentId) {
        int s = CallTable.slot(id);
        long now = clock.nowNanos();
        if (callId[s] != id || callState[s] != CALL_ANSWERED) {
            stats.violation("bridge of a call that is not answered and waiting");
            return;
        }
        if (agentState[agentId] != AGENT_IDLE && agentState[agentId] != AGENT_RESERVED) {
            stats.violation("bridge to agent " + agentId + " who is not free");
            return;
        }
        if (now - answeredAt[s] > scenario.connectLimitNanos()) {
            stats.violation("bridge after the connect limit");
        }
        endWait(agentId, now);
        agentState[agentId] = AGENT_TALK;
        agentSince[agentId] = now;
        callState[s] = CALL_BRIDGED;
        callAgent[s] = agentId;
        stats.connects++;
        long c = contact[s];
        long talk = Math.max(1_000_000L, scenario.talkTime().sampleNanos(Draws.uniform(seed, c, 4), Draws.uniform(seed, c, 5)));
        wrapNanosOf[agentId] = Math.max(0, scenario.wrapTime().sampleNanos(Draws.uniform(seed, c, 6), Draws.uniform(seed, c, 7)));
        clock.schedule(now + talk, TALK_END, id);
    }

    @Override
    public void hangUp(long id) {
        int s = CallTable.slot(id);
        if (callId[s] == id && callState[s] == CALL_BRIDGED) {
            talkEnded(s, clock.nowNanos(), false);
        }
    }

    @Override
    public void abandon(long id) {
        int s = CallTable.slot(id);
        long now = clock.nowNanos();
        if (callId[s] != id || callState[s] != CALL_ANSWERED) {
            stats.violation("abandon of a call that is not answered and waiting");
            return;
        }
        if (now - answeredAt[s] < scenario.connectLimitNanos()) {
            stats.violation("abandoned before the connect limit");
        }
        callState[s] = CALL_DONE;
        stats.abandon(answeredAt[s]);
    }

    @Override
    public void offerPreview(int agentId, long contactId, String number) {
        // Simulated agents accept every preview after a moment's look (preview modes are not paced).
        if (agentState[agentId] == AGENT_IDLE) {
            endWait(agentId, clock.nowNanos());
            agentState[agentId] = AGENT_RESERVED;
        }
        engine.previewAnswered(agentId, contactId, PreviewAnswer.ACCEPT);
    }

    // ------------------------------------------------------------ world events (called by the run loop)

    /** Delivers a world event popped from the clock's queue. */
    public void handle(int kind, long ref) {
        long now = clock.nowNanos();
        switch (kind) {
            case CALL_ANSWER -> {
                int s = CallTable.slot(ref);
                if (callId[s] != ref || callState[s] != CALL_RINGING || plan[s] != PLAN_ANSWER) {
                    return;
                }
                callState[s] = CALL_ANSWERED;
                answeredAt[s] = now;
                stats.answer(now);
                engine.callAnswered(ref);
            }
            case CALL_FAIL -> {
                int s = CallTable.slot(ref);
                if (callId[s] != ref || callState[s] != CALL_RINGING) {
                    return;
                }
                callState[s] = CALL_DONE;
                CallOutcome outcome = switch (plan[s]) {
                    case PLAN_BUSY -> CallOutcome.BUSY;
                    case PLAN_FAIL -> CallOutcome.FAILURE;
                    default -> CallOutcome.NO_ANSWER;
                };
                engine.callFailed(ref, outcome);
            }
            case TALK_END -> {
                int s = CallTable.slot(ref);
                if (callId[s] == ref && callState[s] == CALL_BRIDGED) {
                    talkEnded(s, now, true);
                }
            }
            case WRAP_END -> wrapEnded((int) ref, now);
            case AGENT_STEP -> agentStep((int) ref, now);
            default -> throw new IllegalStateException("unknown world event " + kind);
        }
    }

    private void talkEnded(int s, long now, boolean tellEngine) {
        int agent = callAgent[s];
        callState[s] = CALL_DONE;
        stats.talkNanos += now - agentSince[agent];
        agentState[agent] = AGENT_WRAP;
        agentSince[agent] = now;
        clock.schedule(now + wrapNanosOf[agent], WRAP_END, agent);
        if (tellEngine) {
            engine.callEnded(callId[s]);
        }
    }

    private void wrapEnded(int agent, long now) {
        if (agentState[agent] != AGENT_WRAP) {
            return;
        }
        stats.wrapNanos += now - agentSince[agent];
        if (leaving[agent]) {
            // The engine logs the agent out instead of making it ready (its logout was pending).
            logOff(agent, now);
        } else {
            agentState[agent] = AGENT_IDLE;
            agentSince[agent] = now;
        }
        engine.agentReady(agent);
    }

    private void agentStep(int step, long now) {
        int wanted = (int) scenario.agents().value(step);
        int present = 0;
        for (int a = 0; a < agentState.length; a++) {
            if (agentState[a] != AGENT_OFF && !leaving[a]) {
                present++;
            }
        }
        for (int a = 0; a < agentState.length && present < wanted; a++) {
            if (agentState[a] == AGENT_OFF) {
                agentState[a] = AGENT_IDLE;
                agentSince[a] = now;
                loggedInSince[a] = now;
                leaving[a] = false;
                present++;
                engine.agentLogin(a, 1);
            } else if (leaving[a]) {
                leaving[a] = false;
                present++;
            }
        }
        // Idle agents leave first; busy ones finish their call and wrap-up.
        for (int pass = 0; pass < 2 && present > wanted; pass++) {
            for (int a = agentState.length - 1; a >= 0 && present > wanted; a--) {
                boolean idle = agentState[a] == AGENT_IDLE;
                if (agentState[a] == AGENT_OFF || leaving[a] || (pass == 0 && !idle)) {
                    continue;
                }
                present--;
                if (idle) {
                    logOff(a, now);
                } else {
                    leaving[a] = true;
                }
                engine.agentLogout(a);
            }
        }
    }

    private void logOff(int agent, long now) {
        if (agentState[agent] == AGENT_IDLE) {
            endWait(agent, now);
        }
        stats.loggedInNanos += now - loggedInSince[agent];
        agentState[agent] = AGENT_OFF;
        leaving[agent] = false;
    }

    private void endWait(int agent, long now) {
        if (agentState[agent] == AGENT_IDLE) {
            stats.waitNanos += now - agentSince[agent];
            stats.waitIntervals++;
        }
    }

    /** Closes the books at the end of the shift: time in progress counts up to {@code endNanos}. */
    public void closeShift(long endNanos) {
        for (int a = 0; a < agentState.length; a++) {
            switch (agentState[a]) {
                case AGENT_OFF -> { continue; }
                case AGENT_IDLE -> {
                    stats.waitNanos += endNanos - agentSince[a];
                    stats.waitIntervals++;
                }
                case AGENT_TALK -> stats.talkNanos += endNanos - agentSince[a];
                case AGENT_WRAP -> stats.wrapNanos += endNanos - agentSince[a];
                default -> { }
            }
            stats.loggedInNanos += endNanos - loggedInSince[a];
        }
        for (int s = 0; s < callState.length; s++) {
            // An answered call still waiting at the end must be within its connect limit, or the engine lost it.
            if (callState[s] == CALL_ANSWERED && endNanos - answeredAt[s] > scenario.connectLimitNanos()) {
                stats.violation("answered call neither bridged nor abandoned");
            }
        }
    }
}
