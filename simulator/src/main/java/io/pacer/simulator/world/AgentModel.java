package io.pacer.simulator.world;

import io.pacer.engine.core.EngineInput;
import io.pacer.simulator.scenario.Scenario;

/**
 * The simulated agents: who is logged in (following the scenario's staffing steps), and each agent's state
 * (idle, looking at a preview, waiting for its accepted preview call, talking, wrapping up) with when it began, so that the time in each state adds up
 * in {@link ShiftStatistics}. Agents leave idle ones first; a busy agent asked to leave finishes its call and
 * wrap-up and is logged out by the engine instead of being made ready.
 *
 * <p>The staffing steps are the floor's schedule, so a step down is known ahead, as a live floor's breaks and shift
 * ends are: {@link #NOTICE_NANOS} before it, the agents who will leave are chosen and give the engine notice
 * ({@code EngineCore#agentLeavesAt}), and at the step those leave first.
 */
final class AgentModel {
    private static final byte OFF = 0;
    private static final byte IDLE = 1;
    private static final byte TALK = 2;
    private static final byte WRAP = 3;
    /** Looking at a preview offer. */
    private static final byte RESERVED = 4;
    /** Accepted a preview: on the line while its call rings. */
    private static final byte DIALING = 5;
    /** Paused by the engine after missed preview offers, until it comes back. */
    private static final byte PAUSED = 6;
    /** How long before a scheduled step down its leavers give notice: a minute, as an agent announcing a break. */
    static final long NOTICE_NANOS = 60_000_000_000L;

    private final Scenario scenario;
    private final VirtualClock clock;
    private final ShiftStatistics stats;
    private final byte[] state;
    private final boolean[] leaving;
    private final boolean[] noticeGiven;
    private final long[] sinceNanos;
    private final long[] loggedInSinceNanos;
    private final long[] wrapNanosOf;
    private EngineInput engine;
    private boolean pullPreviews;

    AgentModel(Scenario scenario, VirtualClock clock, ShiftStatistics stats, int maxAgents) {
        this.scenario = scenario;
        this.clock = clock;
        this.stats = stats;
        state = new byte[maxAgents];
        leaving = new boolean[maxAgents];
        noticeGiven = new boolean[maxAgents];
        sinceNanos = new long[maxAgents];
        loggedInSinceNanos = new long[maxAgents];
        wrapNanosOf = new long[maxAgents];
    }

    /** Connects the agents to the engine they report to and schedules the scenario's staffing steps. */
    void attach(EngineInput input) {
        this.engine = input;
        for (int i = 0; i < scenario.agents().size(); i++) {
            clock.schedule(scenario.agents().atNanos(i), SimulatedWorld.AGENT_STEP, i);
            if (i > 0 && scenario.agents().value(i) < scenario.agents().value(i - 1)) {
                clock.schedule(Math.max(scenario.agents().atNanos(i - 1), scenario.agents().atNanos(i) - NOTICE_NANOS),
                        SimulatedWorld.AGENT_NOTICE, i);
            }
        }
    }

    /**
     * Chooses the agents who will leave at staffing step {@code step} (idle ones first, as at the step) and gives
     * the engine their notice.
     */
    void notice(int step) {
        int wanted = (int) scenario.agents().value(step);
        long atNanos = scenario.agents().atNanos(step);
        int present = presentCount();
        for (int a = 0; a < state.length; a++) {
            if (noticeGiven[a]) {
                present--;
            }
        }
        for (int pass = 0; pass < 2 && present > wanted; pass++) {
            for (int a = state.length - 1; a >= 0 && present > wanted; a--) {
                if (state[a] == OFF || leaving[a] || noticeGiven[a] || (pass == 0 && state[a] != IDLE)) {
                    continue;
                }
                present--;
                noticeGiven[a] = true;
                int agent = a;
                engine.command(core -> core.agentLeavesAt(agent, atNanos));
            }
        }
    }

    /** True when {@code agent} may take a call: idle, or waiting for the preview call it accepted. */
    boolean free(int agent) {
        return state[agent] == IDLE || state[agent] == DIALING;
    }

    /** Preview mode: agents ask the engine for the next record whenever they log in or become free. */
    void pullPreviews(boolean pull) {
        this.pullPreviews = pull;
    }

    boolean idle(int agent) {
        return state[agent] == IDLE;
    }

    boolean dialing(int agent) {
        return state[agent] == DIALING;
    }

    /** {@code agent} starts talking; its wrap-up afterwards will last {@code wrapNanos}. */
    void startTalk(int agent, long nowNanos, long wrapNanos) {
        endWait(agent, nowNanos);
        endPreview(agent, nowNanos);
        state[agent] = TALK;
        sinceNanos[agent] = nowNanos;
        wrapNanosOf[agent] = wrapNanos;
    }

    /** {@code agent}'s conversation ended: it wraps up, and the end of the wrap-up is scheduled. */
    void endTalk(int agent, long nowNanos) {
        stats.talkNanos += nowNanos - sinceNanos[agent];
        state[agent] = WRAP;
        sinceNanos[agent] = nowNanos;
        clock.schedule(nowNanos + wrapNanosOf[agent], SimulatedWorld.WRAP_END, agent);
    }

    /**
     * {@code agent} is offered a preview and looks at it. An agent still waiting for its accepted call was made ready
     * by the engine (the call could not be placed, or ended) just before this offer.
     */
    void reserveForPreview(int agent, long nowNanos) {
        if (state[agent] == IDLE || state[agent] == DIALING) {
            endWait(agent, nowNanos);
            endPreview(agent, nowNanos);
            state[agent] = RESERVED;
            sinceNanos[agent] = nowNanos;
        }
    }

    /** {@code agent} accepted its preview: it stays on while the engine dials. */
    void startDialing(int agent, long nowNanos) {
        endPreview(agent, nowNanos);
        state[agent] = DIALING;
        sinceNanos[agent] = nowNanos;
    }

    /** {@code agent}'s preview is over without a call (answered, timed out, or its call failed): free, or off. */
    void previewEnded(int agent, long nowNanos) {
        if (state[agent] != RESERVED && state[agent] != DIALING) {
            return;
        }
        endPreview(agent, nowNanos);
        if (leaving[agent]) {
            // The engine logs the agent out instead of making it ready (its logout was pending).
            logOff(agent, nowNanos);
        } else {
            state[agent] = IDLE;
            sinceNanos[agent] = nowNanos;
        }
    }

    private void endPreview(int agent, long nowNanos) {
        if (state[agent] == RESERVED) {
            stats.previewNanos += nowNanos - sinceNanos[agent];
        } else if (state[agent] == DIALING) {
            stats.previewDialNanos += nowNanos - sinceNanos[agent];
        } else if (state[agent] == PAUSED) {
            stats.previewPausedNanos += nowNanos - sinceNanos[agent];
        }
    }

    /** The engine paused the idle {@code agent} (missed offers): it is away until {@link #back}. */
    void pause(int agent, long nowNanos) {
        if (state[agent] == IDLE) {
            stats.waitNanos += nowNanos - sinceNanos[agent];
            state[agent] = PAUSED;
            sinceNanos[agent] = nowNanos;
        }
    }

    boolean paused(int agent) {
        return state[agent] == PAUSED;
    }

    /** A paused {@code agent} comes back: true when it is now idle (to be made ready), false when it left. */
    boolean back(int agent, long nowNanos) {
        if (state[agent] != PAUSED) {
            return false;
        }
        endPreview(agent, nowNanos);
        if (leaving[agent]) {
            logOff(agent, nowNanos);
            return false;
        }
        state[agent] = IDLE;
        sinceNanos[agent] = nowNanos;
        return true;
    }

    /** {@code agent}'s wrap-up ended: ready again, or off if it was leaving; the engine is told either way. */
    void wrapEnded(int agent, long nowNanos) {
        if (state[agent] != WRAP) {
            return;
        }
        stats.wrapNanos += nowNanos - sinceNanos[agent];
        if (leaving[agent]) {
            // The engine logs the agent out instead of making it ready (its logout was pending).
            logOff(agent, nowNanos);
        } else {
            state[agent] = IDLE;
            sinceNanos[agent] = nowNanos;
        }
        engine.agentReady(agent);
        requestPreview(agent, nowNanos);
    }

    /** In preview mode an idle agent asks for its next record (an event: the core is not re-entered). */
    private void requestPreview(int agent, long nowNanos) {
        if (pullPreviews && state[agent] == IDLE) {
            clock.schedule(nowNanos, SimulatedWorld.PREVIEW_REQUEST, agent);
        }
    }

    /** Brings the number of agents present to the value of staffing step {@code step}. */
    void step(int step, long nowNanos) {
        int wanted = (int) scenario.agents().value(step);
        int present = logIn(wanted, presentCount(), nowNanos);
        // Those who gave notice leave first, then idle agents; busy ones finish their call and wrap-up.
        for (int pass = 0; pass < 3 && present > wanted; pass++) {
            for (int a = state.length - 1; a >= 0 && present > wanted; a--) {
                // The engine logs a paused agent out at once, as an idle one.
                boolean idle = state[a] == IDLE || state[a] == PAUSED;
                if (state[a] == OFF || leaving[a] || (pass == 0 && !noticeGiven[a]) || (pass == 1 && !idle)) {
                    continue;
                }
                present--;
                if (idle) {
                    logOff(a, nowNanos);
                } else {
                    leaving[a] = true;
                }
                engine.agentLogout(a);
            }
        }
    }

    private int presentCount() {
        int present = 0;
        for (int a = 0; a < state.length; a++) {
            if (state[a] != OFF && !leaving[a]) {
                present++;
            }
        }
        return present;
    }

    /** Logs agents in (or keeps leaving ones) until {@code wanted} are present; returns how many are. */
    private int logIn(int wanted, int present, long nowNanos) {
        for (int a = 0; a < state.length && present < wanted; a++) {
            if (state[a] == OFF) {
                state[a] = IDLE;
                sinceNanos[a] = nowNanos;
                loggedInSinceNanos[a] = nowNanos;
                leaving[a] = false;
                present++;
                engine.agentLogin(a, 1);
                requestPreview(a, nowNanos);
            } else if (leaving[a]) {
                leaving[a] = false;
                present++;
            }
            noticeGiven[a] = false;
        }
        return present;
    }

    private void logOff(int agent, long nowNanos) {
        if (state[agent] == IDLE) {
            endWait(agent, nowNanos);
        } else if (state[agent] == PAUSED) {
            endPreview(agent, nowNanos);
        }
        stats.loggedInNanos += nowNanos - loggedInSinceNanos[agent];
        state[agent] = OFF;
        leaving[agent] = false;
        noticeGiven[agent] = false;
    }

    private void endWait(int agent, long nowNanos) {
        if (state[agent] == IDLE) {
            stats.waitNanos += nowNanos - sinceNanos[agent];
            stats.waitIntervals++;
        }
    }

    /** Counts the time in progress of every agent still logged in up to {@code endNanos}. */
    void closeShift(long endNanos) {
        for (int a = 0; a < state.length; a++) {
            switch (state[a]) {
                case OFF -> {
                    continue;
                }
                case IDLE -> {
                    stats.waitNanos += endNanos - sinceNanos[a];
                    stats.waitIntervals++;
                }
                case TALK -> stats.talkNanos += endNanos - sinceNanos[a];
                case WRAP -> stats.wrapNanos += endNanos - sinceNanos[a];
                default -> endPreview(a, endNanos);
            }
            stats.loggedInNanos += endNanos - loggedInSinceNanos[a];
        }
    }
}
