package io.pacer.engine.campaign;

import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.call.CallTable;
import io.pacer.pacing.AbandonBudget;
import io.pacer.pacing.DialMode;
import io.pacer.pacing.DialPolicy;
import io.pacer.pacing.PredictivePolicy;
import io.pacer.pacing.PacingDecision;
import io.pacer.pacing.PacingInput;

/**
 * The runtime state of a campaign the core is running: its settings, its pacing policy, the heads of its agent
 * and call lists, and its counters. The stored definition of a campaign (name, lists, hours) is the store's
 * {@code io.pacer.store.Campaign}; this is only what the core needs to pace it, kept in mutable, pre-allocated
 * fields so that a pacing pass allocates nothing. Owned by the core's thread; other threads see it only
 * through {@link CampaignStats} snapshots and the metrics counters.
 */
public final class CampaignRuntime {
    private CampaignConfig config;
    private DialPolicy policy;
    private AbandonBudget budget;
    /** The last predictive policy, kept while another mode runs so that switching back keeps its estimates. */
    private PredictivePolicy predictive;
    /** Short rates for operators. */
    public final RecentAbandons recent = new RecentAbandons();
    private long lastNanos;
    private boolean running = true;
    /** Ready FIFO and member list of the campaign's agents. */
    public final AgentTable.AgentLists agents = new AgentTable.AgentLists();
    /** Calls dialed and not yet answered or failed. */
    public final CallTable.CallList inFlight = new CallTable.CallList();
    /** Answered calls waiting for an agent, oldest first. */
    public final CallTable.CallList waiting = new CallTable.CallList();
    /** Inbound calls waiting for an agent, oldest first: served before {@link #waiting} and any new dial. */
    public final CallTable.CallList inboundQueue = new CallTable.CallList();
    /** Snapshot reused for every pacing decision. */
    public final PacingInput pacingInput = new PacingInput();
    /** Decision reused for every pacing decision. */
    public final PacingDecision decision = new PacingDecision();
    /** Counters readable from other threads. */
    public final CampaignCounters counters = new CampaignCounters();
    /** The timers on the campaign's agents (preview offer, missed offers, wrap-up); set by a command. */
    public AgentRules agentRules = AgentRules.NONE;
    /** The campaign's inbound calls (blending): numbers, maximum wait, agents held back; set by a command. */
    public InboundRules inboundRules = InboundRules.OFF;
    /** Who may log in to the campaign; set by a command, checked at every login. */
    public Responsibles responsibles = Responsibles.ANYONE;
    /** Engine-clock time before which no call is placed: the trunk said it cannot take one until then. */
    private long dialsHeldUntilNanos = Long.MIN_VALUE;
    /** The other running members of the campaign's abandonment pool: each of its answers counts in their budgets. */
    private CampaignRuntime[] poolPeers = new CampaignRuntime[0];
    /** Estimated false positives not yet a whole call (see {@link #onAmdPersonHeard}). */
    private double amdFalsePositiveCredit;
    int reserved;
    int onCall;
    int wrapping;
    int paused;

    /** A running campaign with the policy its settings call for, and no history before now. */
    public CampaignRuntime(CampaignConfig config) {
        this(config, 0, 0);
    }

    /**
     * A running campaign with the policy its settings call for, its abandonment budget seeded with the
     * window's history in {@code config} as of now ({@code nowNanos} on the core's clock, {@code nowEpochMillis}
     * on the wall).
     */
    public CampaignRuntime(CampaignConfig config, long nowNanos, long nowEpochMillis) {
        this.config = config;
        this.budget = DialPolicies.budgetFor(config, nowNanos, nowEpochMillis);
        this.policy = choosePolicy(config);
        this.lastNanos = nowNanos;
        publishAbandonment(nowNanos);
    }

    /** The settings in force. */
    public CampaignConfig config() {
        return config;
    }

    /** The pacing policy in force. */
    public DialPolicy policy() {
        return policy;
    }

    /** Applies new settings as of the last event seen (see {@link #reconfigure(CampaignConfig, long, long)}). */
    public void reconfigure(CampaignConfig next) {
        reconfigure(next, lastNanos, 0);
    }

    /**
     * Applies new settings. The policy is rebuilt only when a setting it depends on changed, and a rebuilt
     * predictive policy keeps what the change leaves valid (see {@link PredictivePolicy}); the budget keeps its
     * count, judged against the new target, unless the regulator's window or the abandonment pool changed, when
     * it is seeded afresh from the history {@code next} carries.
     */
    public void reconfigure(CampaignConfig next, long nowNanos, long nowEpochMillis) {
        // A new window, or a new pool (whose stored window the history now holds), is a new count: seeded afresh.
        boolean windowChanged = next.abandonHistory().windowMillis() != config.abandonHistory().windowMillis()
                || !java.util.Objects.equals(next.abandonHistory().pool(), config.abandonHistory().pool());
        if (windowChanged) {
            PredictivePolicy learned = predictive;
            budget = DialPolicies.budgetFor(next, nowNanos, nowEpochMillis);
            predictive = learned == null ? null : new PredictivePolicy(learned.settings(), budget, learned);
        } else if (next.abandonTarget() != config.abandonTarget()) {
            budget.retarget(next.abandonTarget());
        }
        boolean pacingChanged = next.dialMode() != config.dialMode()
                || next.callsPerReadyAgent() != config.callsPerReadyAgent()
                || next.callsPerWrapAgent() != config.callsPerWrapAgent()
                || next.abandonTarget() != config.abandonTarget()
                || next.ringTimeoutMillis() != config.ringTimeoutMillis()
                || next.connectLimitMillis() != config.connectLimitMillis()
                || windowChanged;
        config = next;
        if (pacingChanged) {
            policy = choosePolicy(next);
        }
    }

    private DialPolicy choosePolicy(CampaignConfig c) {
        if (c.dialMode() != DialMode.PREDICTIVE) {
            return DialPolicies.forCampaign(c);
        }
        predictive = new PredictivePolicy(DialPolicies.predictiveSettings(c), budget, predictive);
        return predictive;
    }

    /**
     * An answered call was bridged or abandoned: counted in the window's budget and the short rates, then told
     * to the policy. The budget is the runtime's, so it counts whatever the mode.
     */
    public void onAnswerHandled(long nowNanos, boolean abandoned) {
        lastNanos = nowNanos;
        budget.onAnswerHandled(nowNanos, abandoned);
        recent.record(nowNanos, abandoned);
        policy.onAnswerHandled(nowNanos, abandoned);
        publishAbandonment(nowNanos);
        for (CampaignRuntime peer : poolPeers) {
            peer.budget.onAnswerHandled(nowNanos, abandoned);
            peer.publishAbandonment(nowNanos);
        }
    }

    /**
     * The other running members of this campaign's abandonment pool (empty when it has none): from now on every
     * answer this campaign handles also counts in their budgets, so the pool's members steer on one count live.
     * Each was seeded with the pool's stored window when it started, which already holds what the others did before.
     */
    public void poolPeers(CampaignRuntime[] peers) {
        poolPeers = peers;
    }

    /**
     * An answer counted as live at its bridge turned out abandoned (the agent's phone was dead): one more
     * abandon in the window and the short rates, no second answer.
     */
    public void onBridgeLost(long nowNanos) {
        lastNanos = nowNanos;
        budget.onLiveAnswerAbandoned(nowNanos);
        recent.recordAbandonOfCountedAnswer(nowNanos);
        publishAbandonment(nowNanos);
        for (CampaignRuntime peer : poolPeers) {
            peer.budget.onLiveAnswerAbandoned(nowNanos);
            peer.publishAbandonment(nowNanos);
        }
    }

    /**
     * A person was heard by answering-machine detection: with the campaign's false-positive rate f, each person
     * heard stands for f / (1 - f) people classed MACHINE and dropped, who never reached an agent. Under Ofcom
     * such a call is an abandoned call, so each whole estimated one is counted as an abandoned answer in the
     * window (docs/compliance.md). Only when machines are dropped: a campaign that passes machines to agents
     * loses no person that way. Returns how many whole estimated false positives this person brought.
     */
    public int onAmdPersonHeard(long nowNanos) {
        AmdSettings amd = config.amd();
        if (amd.machine() == io.pacer.engine.call.AmdAction.AGENT || amd.falsePositiveRate() <= 0) {
            return 0;
        }
        int whole = 0;
        amdFalsePositiveCredit += amd.falsePositiveRate() / (1 - amd.falsePositiveRate());
        while (amdFalsePositiveCredit >= 1) {
            amdFalsePositiveCredit -= 1;
            counters.increment(CampaignCounters.AMD_FALSE_POSITIVES);
            counters.increment(CampaignCounters.ANSWERS);
            counters.increment(CampaignCounters.ABANDONS);
            onAnswerHandled(nowNanos, true);
            whole++;
        }
        return whole;
    }

    /**
     * Ages the window and the short rates to now and publishes them to the counters (on every answer, and on
     * the pacing tick so that a quiet campaign's old abandons are seen to age out).
     */
    public void publishAbandonment(long nowNanos) {
        lastNanos = Math.max(lastNanos, nowNanos);
        budget.age(nowNanos);
        counters.set(CampaignCounters.WINDOW_ANSWERS, budget.answers());
        counters.set(CampaignCounters.WINDOW_ABANDONS, budget.abandons());
        counters.setDouble(CampaignCounters.WINDOW_LEFT_BITS, budget.abandonsLeft());
        counters.setDouble(CampaignCounters.RATE_5_MIN_BITS, recent.rate(nowNanos, RecentAbandons.FIVE_MINUTES));
        counters.setDouble(CampaignCounters.RATE_1_HOUR_BITS, recent.rate(nowNanos, RecentAbandons.ONE_HOUR));
        counters.setDouble(CampaignCounters.RATE_24_HOURS_BITS, recent.rate(nowNanos, RecentAbandons.ONE_DAY));
    }

    /** The abandonment budget over the regulator's window. */
    public AbandonBudget budget() {
        return budget;
    }

    /** Replaces the policy (the simulator compares policies on one campaign). */
    public void usePolicy(DialPolicy p) {
        policy = p;
    }

    /** True while the core places new calls for the campaign. */
    public boolean running() {
        return running;
    }

    /** Starts or stops placing new calls; calls in flight finish either way. */
    public void setRunning(boolean r) {
        running = r;
    }

    /** No call is placed before {@code untilNanos} (engine clock): the adapter could not place the last one. */
    public void holdDials(long untilNanos) {
        dialsHeldUntilNanos = Math.max(dialsHeldUntilNanos, untilNanos);
        counters.set(CampaignCounters.DIALS_HELD, 1);
    }

    /** True while dialling is held at {@code nowNanos}. */
    public boolean dialsHeld(long nowNanos) {
        return nowNanos < dialsHeldUntilNanos;
    }

    /** Agents reserved for a call or a preview now; kept by the core as agents move. */
    public int reserved() {
        return reserved;
    }

    /** Agents talking now. */
    public int onCall() {
        return onCall;
    }

    /** Agents in wrap-up now. */
    public int wrapping() {
        return wrapping;
    }

    /** Agents paused now. */
    public int paused() {
        return paused;
    }

    /** Adjusts the count of agents in a state by {@code delta} (the core calls this on every transition). */
    public void countAgent(io.pacer.engine.agent.AgentState s, int delta) {
        switch (s) {
            case RESERVED -> reserved += delta;
            case ON_CALL -> onCall += delta;
            case WRAP_UP -> wrapping += delta;
            case PAUSED -> paused += delta;
            default -> { }
        }
    }

    /** A consistent view of the campaign now (built on the core's thread). */
    public CampaignStats stats() {
        CampaignCounters c = counters;
        long answers = c.get(CampaignCounters.ANSWERS);
        long abandons = c.get(CampaignCounters.ABANDONS);
        return new CampaignStats(config.id(), config.name(), config.dialMode().name().toLowerCase(), running,
                agents.members(), agents.ready(), reserved, onCall, wrapping, paused,
                inFlight.size(), waiting.size(),
                decision.callsPerReadyAgent, decision.callsPerWrapAgent,
                c.get(CampaignCounters.DIALS), answers, c.get(CampaignCounters.CONNECTS), abandons,
                answers == 0 ? 0.0 : (double) abandons / answers,
                c.get(CampaignCounters.OUTCOME_BASE + CallOutcome.BUSY.ordinal()),
                c.get(CampaignCounters.OUTCOME_BASE + CallOutcome.NO_ANSWER.ordinal()),
                c.get(CampaignCounters.OUTCOME_BASE + CallOutcome.FAILURE.ordinal())
                        + c.get(CampaignCounters.OUTCOME_BASE + CallOutcome.INVALID_NUMBER.ordinal()),
                c.get(CampaignCounters.DIALS_HELD) != 0, c.get(CampaignCounters.NOT_PLACED),

                new CampaignStats.Abandonment(config.abandonHistory().windowMillis(), budget.target(), budget.answers(),
                        budget.abandons(), budget.abandonRate(), budget.abandonsLeft(),
                        c.getDouble(CampaignCounters.RATE_5_MIN_BITS), c.getDouble(CampaignCounters.RATE_1_HOUR_BITS),
                        c.getDouble(CampaignCounters.RATE_24_HOURS_BITS)),
                amdStats());
    }

    private CampaignStats.Amd amdStats() {
        CampaignCounters c = counters;
        long tones = 0;
        for (io.pacer.engine.call.AmdVerdict v : io.pacer.engine.call.AmdVerdict.values()) {
            if (v.callProgress()) {
                tones += c.get(CampaignCounters.AMD_VERDICT_BASE + v.ordinal());
            }
        }
        return new CampaignStats.Amd(config.amd().enabled(), c.get(CampaignCounters.AMD_LISTENING),
                verdicts(io.pacer.engine.call.AmdVerdict.HUMAN), verdicts(io.pacer.engine.call.AmdVerdict.MACHINE),
                verdicts(io.pacer.engine.call.AmdVerdict.NOTSURE) + verdicts(io.pacer.engine.call.AmdVerdict.SILENCE),
                tones, config.amd().falsePositiveRate(), c.get(CampaignCounters.AMD_FALSE_POSITIVES));
    }

    private long verdicts(io.pacer.engine.call.AmdVerdict v) {
        return counters.get(CampaignCounters.AMD_VERDICT_BASE + v.ordinal());
    }
}
