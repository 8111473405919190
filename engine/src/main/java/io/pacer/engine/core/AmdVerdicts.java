package io.pacer.engine.core;

import io.pacer.engine.call.AmdAction;
import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.call.CallState;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.campaign.AmdSettings;
import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.engine.campaign.CampaignRuntime;

/**
 * Answering-machine detection on the core's thread (docs/amd.md, "On a call"): an answered call of a campaign
 * with AMD on is held from agents, still in flight for the pacing, until the media analysis publishes its verdict;
 * the verdict then decides: a person goes to an agent, a machine is hung up or gets the message after its beep,
 * not sure goes to an agent or is abandoned with the message, and a call-progress tone (SIT, fax, busy) ends the
 * call with its outcome, before the answer too (early media).
 *
 * <p>The analysis's time counts toward the connect limit (the two-second rule runs from the answer): if no
 * verdict came by then, the call is decided NOTSURE. The pacing learns a call's answer only from its verdict, so
 * its answer rate is the measured live-answer rate and its dial-to-answer time includes the analysis.
 */
final class AmdVerdicts {

    /** How long after the analysis time the core waits for a verdict when the connect limit is longer. */
    private static final long NO_MEDIA_GRACE_MILLIS = 500;

    private final CoreState state;
    private final CallTable calls;
    private final CallLifecycle lifecycle;

    AmdVerdicts(CoreState state, CallLifecycle lifecycle) {
        this.state = state;
        this.calls = state.calls;
        this.lifecycle = lifecycle;
    }

    /** Holds a just-answered call for the analysis, with a deadline at the connect limit. */
    void hold(long callId, long answeredNanos, CampaignRuntime c) {
        calls.setState(callId, CallState.DETECTING);
        c.counters.increment(CampaignCounters.AMD_LISTENING);
        long waitMillis = Math.min(c.config().connectLimitMillis(),
                c.config().amd().totalAnalysisMillis() + NO_MEDIA_GRACE_MILLIS);
        state.timers.schedule(answeredNanos + waitMillis * 1_000_000L, TimerKind.AMD_LIMIT, callId);
    }

    /** The analysis decided; see the class comment for what each verdict does. */
    void onClassified(long callId, AmdVerdict verdict, AmdCause cause, int decisionMillis) {
        if (!calls.live(callId)) {
            return;
        }
        if (lifecycle.beforeAnswer(callId)) {
            if (verdict.callProgress()) {
                endBeforeAnswer(callId, verdict, cause, decisionMillis);
            }
            // Speech in early media is the network's announcement, not the answerer: the answer will tell.
            return;
        }
        if (calls.stateOrdinal(callId) != CallState.DETECTING.ordinal()) {
            // Too late: the connect limit already decided for it.
            return;
        }
        calls.setAmdVerdict(callId, verdict, cause, decisionMillis);
        decide(callId, verdict);
    }

    /** The connect limit (or the analysis time, with no media) came with no verdict: NOTSURE. */
    void onDeadline(long callId) {
        if (calls.live(callId) && calls.stateOrdinal(callId) == CallState.DETECTING.ordinal()) {
            calls.setAmdVerdict(callId, AmdVerdict.NOTSURE, AmdCause.DEADLINE, -1);
            decide(callId, AmdVerdict.NOTSURE);
        }
    }

    /**
     * The customer hung up while the analysis listened: counted as a live answer abandoned (a person left in
     * silence is what the regulators count; a machine rarely hangs up first).
     */
    void endedWhileHeld(long callId, CampaignRuntime c) {
        release(callId, c);
        lifecycle.abandonHeld(callId, CallOutcome.CUSTOMER_HUNG_UP, c);
    }

    private void decide(long callId, AmdVerdict verdict) {
        CampaignRuntime c = state.campaignOfCall(callId);
        AmdSettings amd = c.config().amd();
        c.counters.increment(CampaignCounters.AMD_VERDICT_BASE + verdict.ordinal());
        release(callId, c);
        AmdAction action = switch (verdict) {
            case HUMAN -> AmdAction.AGENT;
            case MACHINE -> amd.machine();
            case NOTSURE, SILENCE -> amd.notSure();
            default -> AmdAction.HANG_UP;
        };
        calls.setAmdAction(callId, action);
        if (verdict == AmdVerdict.HUMAN) {
            calls.setAmdFalsePositives(callId, c.onAmdPersonHeard(state.nowNanos));
        }
        switch (action) {
            case AGENT -> lifecycle.toAgent(callId, c);
            case ABANDON -> {
                state.telephony.abandon(callId);
                lifecycle.abandonHeld(callId, CallOutcome.ABANDONED, c);
            }
            case MESSAGE_DROP -> {
                state.telephony.dropMessage(callId);
                lifecycle.endUnanswered(callId, CallOutcome.MACHINE, c);
            }
            case HANG_UP -> {
                state.telephony.hangUp(callId);
                lifecycle.endUnanswered(callId, verdict.outcome(), c);
            }
        }
    }

    /** Out of the in-flight list and the listening count. */
    private void release(long callId, CampaignRuntime c) {
        calls.remove(callId, c.inFlight);
        c.counters.decrement(CampaignCounters.AMD_LISTENING);
    }

    /** A SIT, busy or fax tone in early media: the call is cancelled and booked by the tone, not by the CANCEL. */
    private void endBeforeAnswer(long callId, AmdVerdict verdict, AmdCause cause, int decisionMillis) {
        CampaignRuntime c = state.campaignOfCall(callId);
        calls.setAmdVerdict(callId, verdict, cause, decisionMillis);
        calls.setAmdAction(callId, AmdAction.HANG_UP);
        c.counters.increment(CampaignCounters.AMD_VERDICT_BASE + verdict.ordinal());
        calls.remove(callId, c.inFlight);
        if (calls.stateOrdinal(callId) != CallState.CANCELLING.ordinal()) {
            state.telephony.cancel(callId);
        }
        // The CANCEL's own answer (487) will find the slot released and be ignored as stale.
        lifecycle.endUnanswered(callId, verdict.outcome(), c);
    }
}
