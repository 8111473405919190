package io.pacer.sip.trunk;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.EngineInput;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.media.RtpRelay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The customer calls the adapter holds, by call id, and the ways a call leaves: unanswered with an outcome, or
 * ended after an answer. Leaving releases the trunk channel, the timer and the relay port before the engine is
 * told, because once it hears of the end it may reuse the agent at once. SIP worker thread only.
 */
final class TrunkCalls {

    private final HashMap<Long, TrunkCall> byId = new HashMap<>();
    private final EngineInput input;
    private final TrunkStats stats;
    private final RtpRelay relay;
    private final BridgeIndex index;
    private final AgentPhones agents;
    private final CampaignPrompts prompts;

    TrunkCalls(EngineInput input, TrunkStats stats, RtpRelay relay, BridgeIndex index,
               AgentPhones agents, CampaignPrompts prompts) {
        this.prompts = prompts;
        this.input = input;
        this.stats = stats;
        this.relay = relay;
        this.index = index;
        this.agents = agents;
    }

    TrunkCall get(long callId) {
        return byId.get(callId);
    }

    /** True while {@code call} is the one the adapter holds under its id (not a finished one's late event). */
    boolean holds(TrunkCall call) {
        return byId.get(call.callId) == call;
    }

    /** A copy of the calls held, for a pass that may end some of them (shutdown). */
    List<TrunkCall> all() {
        return new ArrayList<>(byId.values());
    }

    /** Calls that have reached the wire: everything but dials not yet sent. */
    int onTheWire() {
        int n = 0;
        for (TrunkCall call : byId.values()) {
            if (call.state != TrunkCall.State.QUEUED) {
                n++;
            }
        }
        return n;
    }

    /** Takes a new call and its trunk channel. */
    void add(TrunkCall call) {
        byId.put(call.callId, call);
        call.trunk.channelsInUse++;
        stats.callsInProgress = byId.size();
    }

    /** The call's INVITE left: the engine journals it as placed (so a crash books it, and only it, as interrupted). */
    void placed(TrunkCall call) {
        input.callPlaced(call.callId);
    }

    /** The call leaves its trunk for {@code next} (a failover): the channel goes with it. */
    void moveTo(TrunkCall call, TrunkState next) {
        call.trunk.channelsInUse--;
        call.trunk = next;
        next.channelsInUse++;
    }

    /** The call ended unanswered with {@code outcome}. */
    void finish(TrunkCall call, CallOutcome outcome) {
        stats.countFailed(outcome);
        input.callFailed(call.callId, outcome);
        release(call);
    }

    /**
     * The call was never placed (no INVITE left, or none that reached the carrier): the engine undoes it, hands
     * its contact back untouched and holds the campaign's dials for {@code retryAfterMillis}.
     */
    void unplace(TrunkCall call, long retryAfterMillis) {
        stats.notPlaced++;
        release(call);
        input.callNotPlaced(call.callId, retryAfterMillis);
    }

    /** The customer leg of an answered call is over (either side): the agent's session stays up. */
    void endAnswered(TrunkCall call) {
        int agentId = call.agentId;
        // Release first: once the engine hears of the end it may bridge the agent to the next customer.
        release(call);
        if (agentId >= 0) {
            agents.disconnected(agentId, call.callId);
        }
        input.callEnded(call.callId);
    }

    /** The call leaves without a word to the engine, which has finished it already (an inbound caller refused). */
    void drop(TrunkCall call) {
        release(call);
    }

    private void release(TrunkCall call) {
        call.state = TrunkCall.State.ENDED;
        call.timer.disarm();
        call.sessionTimer.disarm();
        if (byId.remove(call.callId) != null) {
            call.trunk.channelsInUse--;
            stats.callsInProgress = byId.size();
        }
        if (call.media != null) {
            long messageNanos = call.media.messageLatencyNanos();
            if (messageNanos > 0) {
                // Reported before the engine hears of the end, so the figure waits for the call's journal record.
                prompts.messageStarted(call.callId, call.campaignId, messageNanos / 1_000);
            }
            index.removeCall(call.callId, call.media);
            relay.release(call.media);
            call.media = null;
        }
    }
}
