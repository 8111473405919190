package io.pacer.engine.core;

import io.pacer.engine.port.Clock;

/**
 * An {@link EngineInput} that hands each event straight to the core on the caller's thread. For the simulator
 * on virtual time and for tests: one thread drives everything, so the run is deterministic. Its one slot is a
 * single reused event, so the caller must never call it from inside a port method the core is executing (the
 * simulator schedules every reaction as a future event instead).
 */
public final class DirectEngineInput extends TranslatingEngineInput {
    private final EngineCore core;
    private final EngineEvent event = new EngineEvent();

    /** Input for {@code core}, stamping events with {@code clock}. */
    public DirectEngineInput(EngineCore core, Clock clock) {
        super(clock);
        this.core = core;
    }

    @Override
    protected long claim() {
        return 0;
    }

    @Override
    protected EngineEvent slot(long sequence) {
        return event;
    }

    @Override
    protected void publish(long sequence) {
        core.dispatch(event);
        event.command = null;
    }
}
