package io.pacer.engine.core;

import io.pacer.engine.call.CallOutcome;

/**
 * An {@link EngineInput} that hands each event straight to the core on the caller's thread. For the simulator
 * on virtual time and for tests: one thread drives everything, so the run is deterministic. The caller must
 * never call it from inside a port method the core is executing (the simulator schedules every reaction as a
 * future event instead).
 */
public final class DirectEngineInput implements EngineInput {
    private final EngineCore core;
    private final io.pacer.engine.port.Clock clock;
    private final EngineEvent event = new EngineEvent();

    /** Input for {@code core}, stamping events with {@code clock}. */
    public DirectEngineInput(EngineCore core, io.pacer.engine.port.Clock clock) {
        this.core = core;
        this.clock = clock;
    }

    private EngineEvent fill(EventType type) {
        event.type = type;
        event.publishedNanos = clock.nowNanos();
        return event;
    }

    @Override
    public void callRinging(long callId) {
        fill(EventType.CALL_RINGING).callId = callId;
        core.dispatch(event);
    }

    @Override
    public void callAnswered(long callId) {
        fill(EventType.CALL_ANSWERED).callId = callId;
        core.dispatch(event);
    }

    @Override
    public void callFailed(long callId, CallOutcome outcome) {
        fill(EventType.CALL_FAILED).callId = callId;
        event.code = outcome.ordinal();
        core.dispatch(event);
    }

    @Override
    public void callEnded(long callId) {
        fill(EventType.CALL_ENDED).callId = callId;
        core.dispatch(event);
    }

    @Override
    public void agentLogin(int agentId, int campaignId) {
        fill(EventType.AGENT_LOGIN).agentId = agentId;
        event.campaignId = campaignId;
        core.dispatch(event);
    }

    @Override
    public void agentLogout(int agentId) {
        agent(EventType.AGENT_LOGOUT, agentId);
    }

    @Override
    public void agentReady(int agentId) {
        agent(EventType.AGENT_READY, agentId);
    }

    @Override
    public void agentPause(int agentId) {
        agent(EventType.AGENT_PAUSE, agentId);
    }

    @Override
    public void agentHangUp(int agentId) {
        agent(EventType.AGENT_HANG_UP, agentId);
    }

    @Override
    public void previewRequested(int agentId) {
        agent(EventType.PREVIEW_REQUESTED, agentId);
    }

    private void agent(EventType type, int agentId) {
        fill(type).agentId = agentId;
        core.dispatch(event);
    }

    @Override
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        fill(EventType.PREVIEW_ANSWERED).agentId = agentId;
        event.contactId = contactId;
        event.code = answer.ordinal();
        core.dispatch(event);
    }

    @Override
    public void timer(int kind, long ref) {
        fill(EventType.TIMER).agentId = kind;
        event.callId = ref;
        core.dispatch(event);
    }

    @Override
    public void command(EngineCommand command) {
        fill(EventType.COMMAND).command = command;
        core.dispatch(event);
        event.command = null;
    }
}
