package io.pacer.simulator.world;

import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.core.EngineInput;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import io.pacer.simulator.scenario.Scenario;

/**
 * The simulated outside world behind the engine's {@link Telephony} port: a trunk ({@link CallLines}) that
 * carries the engine's commands to the people dialled ({@link CustomerModel}), the customers who call back
 * ({@link InboundCallers}) and the agents ({@link AgentModel}, at the preview desk {@link PreviewAgents}), and reports back. Every reaction is scheduled as a future event on the
 * {@link VirtualClock}, never delivered inside the port call, so the core is never re-entered.
 *
 * <p>Every command is checked first by the {@link InvariantChecker}; what was measured is in
 * {@link ShiftStatistics}. The split keeps each role small; the cost is that one call's state is spread over
 * a few arrays held by different classes, all on the one simulation thread.
 */
public final class SimulatedWorld implements Telephony {
    static final int CALL_ANSWER = VirtualClock.WORLD_KINDS;
    static final int CALL_FAIL = VirtualClock.WORLD_KINDS + 1;
    static final int TALK_END = VirtualClock.WORLD_KINDS + 2;
    static final int WRAP_END = VirtualClock.WORLD_KINDS + 3;
    static final int AGENT_STEP = VirtualClock.WORLD_KINDS + 4;
    static final int AMD_VERDICT = VirtualClock.WORLD_KINDS + 5;
    /** The display number the simulated customers call back (the campaign takes it when the scenario has callers). */
    public static final String INBOUND_NUMBER = "+15550000000";
    static final int INBOUND_ARRIVAL = VirtualClock.WORLD_KINDS + 6;
    static final int INBOUND_GIVE_UP = VirtualClock.WORLD_KINDS + 7;
    static final int AGENT_NOTICE = VirtualClock.WORLD_KINDS + 8;
    static final int PREVIEW_DECIDE = VirtualClock.WORLD_KINDS + 9;
    static final int PREVIEW_REQUEST = VirtualClock.WORLD_KINDS + 10;
    static final int PREVIEW_CHECK = VirtualClock.WORLD_KINDS + 11;
    static final int PREVIEW_BACK = VirtualClock.WORLD_KINDS + 12;

    private final VirtualClock clock;
    private final ShiftStatistics stats;
    private final CallLines lines;
    private final CustomerModel customers;
    private final AgentModel agents;
    private final InvariantChecker invariants;
    private final InboundCallers callers;
    private final PreviewAgents previews;
    private EngineInput engine;
    private final boolean amdOn;

    /**
     * @param maxCalls  call slots of the engine (call ids map onto them)
     * @param maxAgents agent ids that may log in
     */
    public SimulatedWorld(Scenario scenario, long seed, VirtualClock clock, int maxCalls, int maxAgents) {
        this.clock = clock;
        this.amdOn = scenario.amd().enabled();
        this.stats = new ShiftStatistics(scenario.shiftNanos());
        this.lines = new CallLines(maxCalls);
        this.customers = new CustomerModel(scenario, seed, clock);
        this.agents = new AgentModel(scenario, clock, stats, maxAgents);
        this.invariants = new InvariantChecker(lines, agents, stats, scenario.connectLimitNanos());
        this.callers = new InboundCallers(scenario, seed, clock, lines, stats);
        this.previews = new PreviewAgents(scenario.preview(), seed, clock, stats, agents, maxAgents, maxCalls);
    }

    /**
     * A preview or push-preview run: the agents answer the engine's offers as the scenario's preview keys say, and
     * ask for the next record themselves when {@code agentsPull} (preview mode). Returns the contact supply to give
     * the core: {@code list} with storage's treatment of skips, through which the world sees the engine take an
     * offer back at its timeout. Call before {@link #attach}.
     */
    public ContactSupply previewDesk(ContactSupply list, boolean agentsPull) {
        PreviewContacts supply = new PreviewContacts(list, clock, previews);
        previews.use(supply, agentsPull);
        return supply;
    }

    /** Connects the world to the engine it reports to; then schedules the agent steps of the scenario. */
    public void attach(EngineInput input) {
        this.engine = input;
        previews.attach(input);
        agents.attach(input);
        callers.start();
    }

    /** What was measured. */
    public ShiftStatistics statistics() {
        return stats;
    }

    // ------------------------------------------------------------ Telephony (called by the core)

    @Override
    public void dial(long id, int campaignId, long contactId, String number, String callerId, long ringTimeoutMillis) {
        int s = CallTable.slot(id);
        invariants.checkDial(s);
        long now = clock.nowNanos();
        stats.dials++;
        lines.callId[s] = id;
        lines.state[s] = CallLines.RINGING;
        lines.contact[s] = contactId;
        lines.agent[s] = -1;
        previews.dialled(s);
        lines.plan[s] = customers.planCall(id, contactId, now, ringTimeoutMillis * 1_000_000L);
    }

    @Override
    public void cancel(long id) {
        int s = CallTable.slot(id);
        if (!invariants.cancelAllowed(s, id)) {
            return;
        }
        // The carrier confirms the CANCEL with 487 a moment later; any pending answer is now void.
        lines.plan[s] = CustomerModel.PLAN_RING_OUT;
        clock.schedule(clock.nowNanos(), CALL_FAIL, id);
    }

    @Override
    public void bridge(long id, int agentId) {
        int s = CallTable.slot(id);
        long now = clock.nowNanos();
        if (!invariants.bridgeAllowed(s, id, agentId, now)) {
            return;
        }
        long c = lines.contact[s];
        boolean inbound = lines.state[s] == CallLines.QUEUED;
        boolean machine = !inbound && lines.plan[s] == CustomerModel.PLAN_MACHINE;
        long talk = inbound ? callers.answered(s) : customers.talkNanos(c, machine);
        previews.callDone(s);
        agents.startTalk(agentId, now, customers.wrapNanos(c));
        lines.state[s] = CallLines.BRIDGED;
        lines.agent[s] = agentId;
        if (machine) {
            stats.machinesToAgents++;
        } else if (!inbound) {
            stats.connects++;
        }
        clock.schedule(now + talk, TALK_END, id);
    }

    @Override
    public void hangUp(long id) {
        int s = CallTable.slot(id);
        if (lines.holds(s, id, CallLines.BRIDGED)) {
            talkEnded(s, clock.nowNanos(), false);
        } else if (lines.holds(s, id, CallLines.QUEUED)) {
            callers.timedOut(s);
        } else if (lines.holds(s, id, CallLines.ANSWERED)) {
            dropHeld(s);
        }
    }

    @Override
    public void dropMessage(long id) {
        int s = CallTable.slot(id);
        if (lines.holds(s, id, CallLines.ANSWERED)) {
            dropHeld(s);
        }
    }

    /** A call held for detection is dropped as a machine: a person dropped so is an abandoned call. */
    private void dropHeld(int s) {
        lines.state[s] = CallLines.DONE;
        previews.callGone(s, clock.nowNanos());
        if (lines.plan[s] != CustomerModel.PLAN_MACHINE) {
            stats.amdFalsePositives++;
            stats.abandon(lines.answeredAtNanos[s]);
        }
    }

    @Override
    public void abandon(long id) {
        int s = CallTable.slot(id);
        if (!invariants.abandonAllowed(s, id, clock.nowNanos())) {
            return;
        }
        lines.state[s] = CallLines.DONE;
        previews.callGone(s, clock.nowNanos());
        if (lines.plan[s] != CustomerModel.PLAN_MACHINE) {
            // A machine that hears the abandon message is no person abandoned.
            stats.abandon(lines.answeredAtNanos[s]);
        }
    }

    @Override
    public void acceptInbound(long inboundKey, long id, int campaignId) {
        invariants.checkDial(CallTable.slot(id));
        callers.accepted(inboundKey, id);
    }

    @Override
    public void refuseInbound(long inboundKey) {
        callers.refused();
    }

    @Override
    public void offerPreview(int agentId, long contactId, String number) {
        previews.offered(agentId, contactId, clock.nowNanos());
    }

    // ------------------------------------------------------------ world events (called by the run loop)

    /** Delivers a world event popped from the clock's queue. */
    public void handle(int kind, long ref) {
        long now = clock.nowNanos();
        switch (kind) {
            case CALL_ANSWER -> callAnswered(ref, now);
            case CALL_FAIL -> callFailed(ref);
            case TALK_END -> {
                int s = CallTable.slot(ref);
                if (lines.holds(s, ref, CallLines.BRIDGED)) {
                    talkEnded(s, now, true);
                }
            }
            case WRAP_END -> agents.wrapEnded((int) ref, now);
            case AGENT_STEP -> agents.step((int) ref, now);
            case AGENT_NOTICE -> agents.notice((int) ref);
            case AMD_VERDICT -> verdict(ref);
            case INBOUND_ARRIVAL -> callers.arrive(ref, now, engine);
            case INBOUND_GIVE_UP -> callers.gaveUp(ref, engine);
            case PREVIEW_DECIDE -> previews.decide(ref, now);
            case PREVIEW_REQUEST -> previews.request((int) ref);
            case PREVIEW_CHECK -> previews.check((int) ref, now);
            case PREVIEW_BACK -> previews.back((int) ref, now);
            default -> throw new IllegalStateException("unknown world event " + kind);
        }
    }

    private void callAnswered(long id, long now) {
        int s = CallTable.slot(id);
        boolean machine = lines.plan[s] == CustomerModel.PLAN_MACHINE;
        if (!lines.holds(s, id, CallLines.RINGING) || (lines.plan[s] != CustomerModel.PLAN_ANSWER && !machine)) {
            return;
        }
        lines.state[s] = CallLines.ANSWERED;
        lines.answeredAtNanos[s] = now;
        if (machine) {
            stats.machineAnswers++;
        } else {
            stats.answer(now);
        }
        engine.callAnswered(id);
        if (amdOn) {
            clock.schedule(now + customers.verdictDelayNanos(lines.contact[s], machine), AMD_VERDICT, id);
        }
    }

    /** The detector decides on a call still held for it (a late verdict finds it bridged or gone). */
    private void verdict(long id) {
        int s = CallTable.slot(id);
        if (!lines.holds(s, id, CallLines.ANSWERED)) {
            return;
        }
        long waitedMillis = (clock.nowNanos() - lines.answeredAtNanos[s]) / 1_000_000L;
        if (customers.classedMachine(lines.contact[s], lines.plan[s] == CustomerModel.PLAN_MACHINE)) {
            engine.callClassified(id, AmdVerdict.MACHINE, AmdCause.MAX_WORDS, (int) waitedMillis);
        } else {
            engine.callClassified(id, AmdVerdict.HUMAN, AmdCause.HUMAN, (int) waitedMillis);
        }
    }

    private void callFailed(long id) {
        int s = CallTable.slot(id);
        if (!lines.holds(s, id, CallLines.RINGING)) {
            return;
        }
        lines.state[s] = CallLines.DONE;
        // The agent of a preview call is free before the engine hears it: push-preview offers it the next record.
        previews.callGone(s, clock.nowNanos());
        engine.callFailed(id, CustomerModel.failureOutcome(lines.plan[s]));
    }

    private void talkEnded(int s, long now, boolean tellEngine) {
        lines.state[s] = CallLines.DONE;
        agents.endTalk(lines.agent[s], now);
        if (tellEngine) {
            engine.callEnded(lines.callId[s]);
        }
    }

    /** Closes the books at the end of the shift: time in progress counts up to {@code endNanos}. */
    public void closeShift(long endNanos) {
        agents.closeShift(endNanos);
        previews.closeShift();
        invariants.checkShiftEnd(endNanos);
    }
}
