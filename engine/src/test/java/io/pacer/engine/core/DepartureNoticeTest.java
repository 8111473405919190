package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.pacing.DialMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An agent's notice that it will leave: from one ring timeout plus connect limit before its departure, pacing no
 * longer dials for it, so no call is answered after it has gone; a notice it outstays by as much lapses.
 */
class DepartureNoticeTest {
    /** Ring timeout plus connect limit of the campaign below: the horizon of a call launched now. */
    private static final long HORIZON_MS = 15_000 + 2_000;
    private final CoreHarness h = new CoreHarness(100);

    /** A power campaign dialling two calls per ready agent, with agents 0 and 1 logged in. */
    private void twoAgentsOnPower() {
        CampaignConfig config = new CampaignConfig(1, "test", DialMode.POWER, 2.0, 0.0, 0.03, 15_000, 2_000, 100,
                null);
        h.input.command(core -> core.upsertCampaign(config));
        h.input.agentLogin(0, 1);
        h.input.agentLogin(1, 1);
        h.advanceMillis(300);
    }

    /** Fails every call in flight, so that the next decision dials afresh for the agents it counts. */
    private void redial() {
        List<Long> inFlight = List.copyOf(h.dialed);
        h.dialed.clear();
        for (long call : inFlight) {
            h.input.callFailed(call, CallOutcome.NO_ANSWER);
        }
        h.advanceMillis(300);
    }

    @Test
    void anAgentLeavingWithinTheHorizonIsNotDialledFor() {
        twoAgentsOnPower();
        assertEquals(4, h.dialed.size(), "two ready agents, two calls each");
        long leaveAt = h.nowNanos + 60_000 * CoreHarness.MS;
        h.input.command(core -> core.agentLeavesAt(1, leaveAt));
        redial();
        assertEquals(4, h.dialed.size(), "a minute ahead, beyond the horizon: still dialled for");
        h.advanceMillis(60_000 - HORIZON_MS);
        redial();
        assertEquals(2, h.dialed.size(), "within the horizon of its departure: only the staying agent is dialled for");
    }

    @Test
    void everyAgentLeavingStopsTheCampaignDialling() {
        twoAgentsOnPower();
        long leaveAt = h.nowNanos + 5_000 * CoreHarness.MS;
        h.input.command(core -> core.agentLeavesAt(0, leaveAt));
        h.input.command(core -> core.agentLeavesAt(1, leaveAt));
        redial();
        assertEquals(0, h.dialed.size(), "the whole team leaves before any new call could be answered");
    }

    @Test
    void aNoticeOutstayedByTheHorizonLapses() {
        twoAgentsOnPower();
        long leaveAt = h.nowNanos + 1_000 * CoreHarness.MS;
        h.input.command(core -> core.agentLeavesAt(1, leaveAt));
        redial();
        assertEquals(2, h.dialed.size());
        h.advanceMillis(1_000 + HORIZON_MS);
        redial();
        assertEquals(4, h.dialed.size(), "the agent stayed on: counted again");
    }

    @Test
    void aNewLoginClearsAnOldNotice() {
        twoAgentsOnPower();
        long leaveAt = h.nowNanos + 1_000 * CoreHarness.MS;
        h.input.command(core -> core.agentLeavesAt(1, leaveAt));
        h.input.agentLogout(1);
        h.input.agentLogin(1, 1);
        redial();
        assertEquals(4, h.dialed.size());
    }
}
