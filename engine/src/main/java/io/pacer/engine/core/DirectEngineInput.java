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

    /** Fills the one reused event and hands it to the core. */
    private void deliver(EventType type, long callId, int agentId, int campaignId, int code, long contactId,
                         EngineCommand command) {
        event.type = type;
        event.publishedNanos = clock.nowNanos();
        event.callId = callId;
        event.agentId = agentId;
        event.campaignId = campaignId;
        event.code = code;
        event.contactId = contactId;
        event.command = command;
        core.dispatch(event);
        event.command = null;
    }

    @Override
    public void callRinging(long callId) {
        deliver(EventType.CALL_RINGING, callId, -1, 0, 0, 0, null);
    }

    @Override
    public void callAnswered(long callId) {
        deliver(EventType.CALL_ANSWERED, callId, -1, 0, 0, 0, null);
    }

    @Override
    public void callFailed(long callId, CallOutcome outcome) {
        deliver(EventType.CALL_FAILED, callId, -1, 0, outcome.ordinal(), 0, null);
    }

    @Override
    public void callEnded(long callId) {
        deliver(EventType.CALL_ENDED, callId, -1, 0, 0, 0, null);
    }

    @Override
    public void agentLogin(int agentId, int campaignId) {
        deliver(EventType.AGENT_LOGIN, 0, agentId, campaignId, 0, 0, null);
    }

    @Override
    public void agentLogout(int agentId) {
        deliver(EventType.AGENT_LOGOUT, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void agentReady(int agentId) {
        deliver(EventType.AGENT_READY, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void agentPause(int agentId) {
        deliver(EventType.AGENT_PAUSE, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void agentHangUp(int agentId) {
        deliver(EventType.AGENT_HANG_UP, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void previewRequested(int agentId) {
        deliver(EventType.PREVIEW_REQUESTED, 0, agentId, 0, 0, 0, null);
    }

    @Override
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        deliver(EventType.PREVIEW_ANSWERED, 0, agentId, 0, answer.ordinal(), contactId, null);
    }

    @Override
    public void timer(int kind, long ref) {
        deliver(EventType.TIMER, ref, kind, 0, 0, 0, null);
    }

    @Override
    public void command(EngineCommand command) {
        deliver(EventType.COMMAND, 0, -1, 0, 0, 0, command);
    }
}
