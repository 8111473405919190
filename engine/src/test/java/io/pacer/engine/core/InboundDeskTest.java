package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.engine.campaign.InboundRules;
import io.pacer.engine.port.CallRecord;
import io.pacer.pacing.DialMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blending in the core: customers who call a campaign's number are taken by its free agents before any dial, wait
 * at most the campaign's maximum, stay out of the outbound books, and agents held back for them are not dialled for.
 */
class InboundDeskTest {
    private static final String DISPLAY = "+4930555000";
    private static final String CALLER = "+4915112345678";
    private final CoreHarness h = new CoreHarness();

    private void blended(DialMode mode, int reservedAgents) {
        h.campaign(mode);
        h.input.command(core -> core.inboundRules(1, new InboundRules(true, List.of(DISPLAY), 30_000, reservedAgents)));
    }

    private long acceptedCall(long key) {
        String prefix = "accept inbound " + key + " as ";
        return h.commands.stream().filter(c -> c.startsWith(prefix)).mapToLong(c -> Long.parseLong(c.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError("inbound " + key + " not taken: " + h.commands));
    }

    private CallRecord record(long callId) {
        return h.records.stream().filter(r -> r.callId == callId).findFirst()
                .orElseThrow(() -> new AssertionError("no record of " + callId));
    }

    @Test
    void aCallToAnUnknownNumberOrACampaignWithoutAgentsOrWithInboundOffIsRefused() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.inboundOffered(1, DISPLAY, CALLER);
        assertTrue(h.commands.contains("refuse inbound 1"), "inbound is off until the campaign's rules say so");
        h.input.command(core -> core.inboundRules(1, new InboundRules(true, List.of(DISPLAY), 30_000, 0)));
        h.input.inboundOffered(2, DISPLAY, CALLER);
        assertTrue(h.commands.contains("refuse inbound 2"), "no agent logged in: nobody to queue for");
        h.input.agentLogin(1, 1);
        h.input.inboundOffered(3, "+4989000000", CALLER);
        assertTrue(h.commands.contains("refuse inbound 3"), "a number no campaign takes");
    }

    @Test
    void aFreeAgentTakesTheCallerBeforeAnyNewDialIsBridgedToIt() {
        blended(DialMode.PROGRESSIVE, 0);
        h.input.agentLogin(1, 1);
        long outbound = h.lastDial();
        h.input.callAnswered(outbound);
        assertEquals(AgentState.ON_CALL, h.core.agentState(1));

        h.input.inboundOffered(7, DISPLAY, CALLER);
        long inbound = acceptedCall(7);
        assertEquals(1, h.core.campaign(1).counters.get(CampaignCounters.INBOUND_WAITING), "queued: its agent is busy");
        h.input.callEnded(outbound);
        int dials = h.dialed.size();
        h.input.agentReady(1);
        assertTrue(h.commands.contains("bridge " + inbound + " to 1"), h.commands.toString());
        assertEquals(dials, h.dialed.size(), "no dial while the agent takes the caller");
        assertEquals(inbound, h.core.agentCall(1));

        h.input.callEnded(inbound);
        CallRecord r = record(inbound);
        assertTrue(r.inbound);
        assertEquals(CallOutcome.CONNECTED, r.outcome);
        assertEquals(CALLER, r.number);
        assertEquals(DISPLAY, r.callerId);
        assertEquals(1, r.agentId);
        assertEquals(-1, r.contactId, "the journal matches the caller to a contact");
        assertEquals(AgentState.WRAP_UP, h.core.agentState(1));
        assertEquals(1, h.core.campaign(1).counters.get(CampaignCounters.INBOUND_ANSWERED));
        assertEquals(1, h.core.campaign(1).counters.get(CampaignCounters.CONNECTS), "only the outbound call connected");
    }

    @Test
    void aCallerWithNoAgentFreeEndsMissedAtTheMaximumWait() {
        blended(DialMode.PROGRESSIVE, 0);
        h.input.agentLogin(1, 1);
        h.input.callAnswered(h.lastDial());
        h.input.inboundOffered(8, DISPLAY, CALLER);
        long inbound = acceptedCall(8);
        h.advanceMillis(29_000);
        assertTrue(h.records.stream().noneMatch(r -> r.callId == inbound), "still waiting before its maximum");
        h.advanceMillis(1_000);
        assertTrue(h.commands.contains("hangup " + inbound), h.commands.toString());
        CallRecord r = record(inbound);
        assertTrue(r.inbound);
        assertEquals(CallOutcome.NO_ANSWER, r.outcome);
        assertEquals(-1, r.agentId);
        CampaignCounters counters = h.core.campaign(1).counters;
        assertEquals(1, counters.get(CampaignCounters.INBOUND_MISSED));
        assertEquals(0, counters.get(CampaignCounters.INBOUND_WAITING));
        assertEquals(0, counters.get(CampaignCounters.ABANDONS), "a missed caller is no abandon of the dials");
    }

    @Test
    void aCallerWhoHangsUpInTheQueueIsMissedAndTheNextFreeAgentDialsAgain() {
        blended(DialMode.PROGRESSIVE, 0);
        h.input.agentLogin(1, 1);
        long outbound = h.lastDial();
        h.input.callAnswered(outbound);
        h.input.inboundOffered(9, DISPLAY, CALLER);
        long inbound = acceptedCall(9);
        h.input.callEnded(inbound);
        assertEquals(CallOutcome.NO_ANSWER, record(inbound).outcome);
        h.input.callEnded(outbound);
        int dials = h.dialed.size();
        h.input.agentReady(1);
        assertEquals(dials + 1, h.dialed.size(), "the queue is empty: the agent is dialled for again");
    }

    @Test
    void agentsHeldBackForInboundAreNotDialledForButTakeCallers() {
        blended(DialMode.PROGRESSIVE, 1);
        h.input.agentLogin(1, 1);
        assertEquals(0, h.dialed.size(), "the one ready agent is held back for inbound callers");
        h.input.agentLogin(2, 1);
        assertEquals(1, h.dialed.size(), "the second is dialled for");
        h.input.inboundOffered(10, DISPLAY, CALLER);
        long inbound = acceptedCall(10);
        assertTrue(h.commands.contains("bridge " + inbound + " to 1") || h.commands.contains("bridge " + inbound + " to 2"),
                h.commands.toString());
    }
}
