package io.pacer.simulator.world;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.core.EngineInput;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.simulator.scenario.PreviewModel;

/**
 * The simulated agents at the engine's preview desk: each offer the engine makes ({@code Telephony.offerPreview}) is
 * looked at for a drawn time and answered (accept, skip, call later, do-not-call), or never answered, in the
 * scenario's shares ({@link PreviewModel}). The world does not time offers out itself: it sees the engine take an
 * offer back when the core hands the offered contact back to the list ({@link PreviewContacts}) while the offer is
 * still open, and counts the timeout then, with how long the offer had waited. In preview mode (the agent pulls) an
 * agent asks for the next record whenever it becomes free; in push-preview the engine offers one by itself.
 *
 * <p>An answer drawn to come after the timeout finds its offer gone and is dropped, as a desktop that has closed the
 * offer sends nothing.
 */
final class PreviewAgents {
    private static final byte ACCEPT = 0;
    private static final byte SKIP = 1;
    private static final byte CALL_LATER = 2;
    private static final byte DO_NOT_CALL = 3;
    private static final byte UNDECIDED = 4;
    private static final int AGENT_BITS = 20;

    private final PreviewModel model;
    private final long seed;
    private final VirtualClock clock;
    private final ShiftStatistics stats;
    private final AgentModel agents;
    private final long[] offeredContact;
    private final long[] offeredAtNanos;
    private final int[] offerSeq;
    private final byte[] answer;
    /** The agent whose preview call each call slot carries, or -1. */
    private final int[] callAgent;
    private EngineInput engine;
    private PreviewContacts contacts;
    private boolean pull;
    private int accepting = -1;
    private boolean acceptDialled;
    private long offers;
    /** The agent state the last {@link #check} read from the core (the simulator's core runs commands at once). */
    private AgentState observed;

    PreviewAgents(PreviewModel model, long seed, VirtualClock clock, ShiftStatistics stats, AgentModel agents,
            int maxAgents, int maxCalls) {
        this.model = model;
        this.seed = seed;
        this.clock = clock;
        this.stats = stats;
        this.agents = agents;
        offeredContact = new long[maxAgents];
        offeredAtNanos = new long[maxAgents];
        offerSeq = new int[maxAgents];
        answer = new byte[maxAgents];
        callAgent = new int[maxCalls];
        java.util.Arrays.fill(offeredContact, -1L);
        java.util.Arrays.fill(callAgent, -1);
    }

    /** Preview mode: the agents pull records ({@code pull}) or the engine pushes them, from {@code supply}. */
    void use(PreviewContacts supply, boolean agentsPull) {
        this.contacts = supply;
        this.pull = agentsPull;
        agents.pullPreviews(agentsPull);
    }

    void attach(EngineInput input) {
        this.engine = input;
    }

    /** The engine offers {@code contactId} to {@code agent}: the agent starts looking; its answer is scheduled. */
    void offered(int agent, long contactId, long nowNanos) {
        if (offeredContact[agent] >= 0) {
            stats.violation("preview offered to agent " + agent + " who has an offer open");
        }
        long n = ++offers;
        stats.previewOffers++;
        agents.reserveForPreview(agent, nowNanos);
        offeredContact[agent] = contactId;
        offeredAtNanos[agent] = nowNanos;
        int seq = ++offerSeq[agent];
        double u = Draws.uniform(seed, n, 40);
        answer[agent] = u < model.undecided() ? UNDECIDED
                : (u -= model.undecided()) < model.skip() ? SKIP
                : (u -= model.skip()) < model.callLater() ? CALL_LATER
                : u - model.callLater() < model.doNotCall() ? DO_NOT_CALL : ACCEPT;
        if (answer[agent] != UNDECIDED) {
            long look = Math.max(0, model.decisionTime().sampleNanos(Draws.uniform(seed, n, 41), Draws.uniform(seed, n, 42)));
            clock.schedule(nowNanos + look, SimulatedWorld.PREVIEW_DECIDE, ((long) seq << AGENT_BITS) | agent);
        }
    }

    /** An agent's drawn answer is due: sent to the engine unless the offer is no longer open. */
    void decide(long ref, long nowNanos) {
        int agent = (int) (ref & ((1 << AGENT_BITS) - 1));
        long contact = offeredContact[agent];
        if (contact < 0 || offerSeq[agent] != (int) (ref >>> AGENT_BITS)) {
            stats.previewLateAnswers++;
            return;
        }
        offeredContact[agent] = -1;
        stats.previewDecisionNanos += nowNanos - offeredAtNanos[agent];
        byte a = answer[agent];
        if (a == ACCEPT) {
            stats.previewAccepts++;
            agents.startDialing(agent, nowNanos);
            accepting = agent;
            acceptDialled = false;
            engine.previewAnswered(agent, contact, PreviewAnswer.ACCEPT);
            accepting = -1;
            if (!acceptDialled && agents.dialing(agent)) {
                // The engine could not place the call and made the agent ready again.
                freed(agent, nowNanos);
            }
            return;
        }
        if (a == DO_NOT_CALL) {
            stats.previewDoNotCalls++;
        } else {
            boolean later = a == CALL_LATER;
            stats.previewSkips += later ? 0 : 1;
            stats.previewCallLaters += later ? 1 : 0;
            contacts.holdNext(contact, nowNanos + (later ? model.callLaterNanos() : PreviewModel.SKIP_DELAY_NANOS));
        }
        agents.previewEnded(agent, nowNanos);
        engine.previewAnswered(agent, contact, a == DO_NOT_CALL ? PreviewAnswer.DO_NOT_CALL : PreviewAnswer.SKIP);
        requestNext(agent, nowNanos);
    }

    /**
     * The core handed {@code contactId} back to the list. When it is an agent's open offer the agent did not
     * answer, the engine timed the offer out: counted, with how long the offer was open; the agent is free again.
     */
    void handedBack(long contactId) {
        for (int a = 0; a < offeredContact.length; a++) {
            if (offeredContact[a] == contactId) {
                long now = clock.nowNanos();
                long waited = now - offeredAtNanos[a];
                offeredContact[a] = -1;
                stats.previewTimedOut(waited);
                agents.previewEnded(a, now);
                if (model.maxMissed() > 0) {
                    // Ready again or paused for missed offers: the agent's desktop shows which once the core is done.
                    clock.schedule(now, SimulatedWorld.PREVIEW_CHECK, a);
                } else {
                    requestNext(a, now);
                }
                return;
            }
        }
    }

    /** The engine dials for the agent who is accepting now: its call carries the agent. */
    void dialled(int slot) {
        callAgent[slot] = accepting;
        acceptDialled |= accepting >= 0;
    }

    /** The call in {@code slot} is bridged, or over before it was: it carries no preview agent any more. */
    int callDone(int slot) {
        int a = callAgent[slot];
        callAgent[slot] = -1;
        return a;
    }

    /** A preview call ended without reaching its agent (no answer, busy, failed, dropped): the agent is free. */
    void callGone(int slot, long nowNanos) {
        int a = callDone(slot);
        if (a >= 0 && agents.dialing(a)) {
            freed(a, nowNanos);
        }
    }

    private void freed(int agent, long nowNanos) {
        agents.previewEnded(agent, nowNanos);
        requestNext(agent, nowNanos);
    }

    /** In preview mode a free agent asks for the next record (as an event: the core is never re-entered). */
    private void requestNext(int agent, long nowNanos) {
        if (pull && agents.idle(agent)) {
            clock.schedule(nowNanos, SimulatedWorld.PREVIEW_REQUEST, agent);
        }
    }

    /**
     * After a timeout, the agent looks at its state in the engine (as its desktop reads it): paused for missed
     * offers, it is away for a drawn time; ready, it goes on. In push-preview a ready agent already has its next offer.
     */
    void check(int agent, long nowNanos) {
        if (!agents.idle(agent)) {
            return;
        }
        engine.command(core -> observed = core.agentState(agent));
        if (observed == AgentState.PAUSED) {
            stats.previewPauses++;
            agents.pause(agent, nowNanos);
            long n = stats.previewPauses;
            long away = Math.max(0, model.pauseTime().sampleNanos(Draws.uniform(seed, n, 43), Draws.uniform(seed, n, 44)));
            clock.schedule(nowNanos + away, SimulatedWorld.PREVIEW_BACK, agent);
        } else {
            requestNext(agent, nowNanos);
        }
    }

    /** A paused agent is back: it makes itself ready (and in preview mode asks for a record). */
    void back(int agent, long nowNanos) {
        if (agents.back(agent, nowNanos)) {
            engine.agentReady(agent);
            requestNext(agent, nowNanos);
        }
    }

    /** An agent's request for the next record is due. */
    void request(int agent) {
        if (agents.idle(agent)) {
            engine.previewRequested(agent);
        }
    }

    /** Offers still open at the end of the shift. */
    void closeShift() {
        for (long c : offeredContact) {
            if (c >= 0) {
                stats.previewOpenAtEnd++;
            }
        }
    }
}
