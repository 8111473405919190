package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.agent.AgentFigures;
import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.LogoutReason;
import io.pacer.pacing.DialMode;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The agent grid's figures as the core keeps them: today's calls and averages, and why an agent was logged out. */
class AgentDayCoreTest {
    private final CoreHarness h = new CoreHarness();

    /** One call of {@code talkMillis} then {@code wrapMillis} of wrap-up for agent 0, which then is ready again. */
    private void call(long talkMillis, long wrapMillis) {
        long call = h.lastDial();
        h.input.callAnswered(call);
        assertEquals(AgentState.ON_CALL, h.core.agentState(0));
        h.advanceMillis(talkMillis);
        h.input.callEnded(call);
        assertEquals(AgentState.WRAP_UP, h.core.agentState(0));
        h.advanceMillis(wrapMillis);
        h.input.agentReady(0);
    }

    @Test
    void countsTodaysCallsAndAveragesTalkAndWrapUpUntilTheSitesMidnight() {
        // The harness's wall clock reads 08:00 UTC: in UTC+15:58 it is 23:58, two minutes before midnight.
        h.input.command(core -> core.siteZone(ZoneOffset.ofHoursMinutes(15, 58)));
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        AgentFigures none = h.core.agentFigures(0);
        assertEquals(0, none.callsToday());
        assertEquals(-1, none.talkAverageMillis(), "no talk ended: no average, not zero");
        call(30_000, 10_000);
        call(50_000, 20_000);
        AgentFigures f = h.core.agentFigures(0);
        assertEquals(2, f.callsToday());
        assertEquals(40_000, f.talkAverageMillis());
        assertEquals(15_000, f.wrapAverageMillis());
        assertEquals(AgentState.READY, f.state());
        assertEquals(1, f.campaignId());
        assertEquals(0, h.core.agentFigures(1).callsToday(), "only the agent that talked counts");

        h.advanceMillis(10_000);   // past midnight in the site's zone
        AgentFigures tomorrow = h.core.agentFigures(0);
        assertEquals(0, tomorrow.callsToday());
        assertEquals(-1, tomorrow.talkAverageMillis());
        assertEquals(-1, tomorrow.wrapAverageMillis());
        call(20_000, 4_000);
        assertEquals(1, h.core.agentFigures(0).callsToday());
        assertEquals(20_000, h.core.agentFigures(0).talkAverageMillis());
    }

    @Test
    void anAgentWhosePhoneDiedIsLoggedOutForThatReasonUntilItLogsBackIn() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        assertEquals(LogoutReason.NONE, h.core.agentFigures(0).lastLogoutReason());
        h.input.callAnswered(h.lastDial());
        h.advanceMillis(5_000);
        long lostAt = h.epochMillis();
        h.input.agentLost(0);
        AgentFigures dead = h.core.agentFigures(0);
        assertEquals(AgentState.LOGGED_OUT, dead.state());
        assertEquals(LogoutReason.PHONE_DEAD, dead.lastLogoutReason());
        assertEquals(lostAt, dead.lastLogoutAtMillis());
        assertTrue(dead.phoneDead());
        assertEquals(1, dead.callsToday(), "the lost call was taken and its talk ended");
        assertEquals(5_000, dead.talkAverageMillis());

        h.input.agentLogin(0, 1);
        assertFalse(h.core.agentFigures(0).phoneDead(), "logged back in: no alert");
        h.input.agentLogout(0);
        AgentFigures asked = h.core.agentFigures(0);
        assertEquals(LogoutReason.ASKED, asked.lastLogoutReason());
        assertFalse(asked.phoneDead());
    }

    @Test
    void aLogoutAskedDuringACallTakesItsReasonWhenItTakesEffect() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        h.input.agentLost(0);
        h.input.agentLogin(0, 1);
        h.input.callAnswered(h.lastDial());
        h.input.agentLogout(0);
        assertEquals(LogoutReason.PHONE_DEAD, h.core.agentFigures(0).lastLogoutReason(), "still on the call");
        assertEquals(AgentState.ON_CALL, h.core.agentState(0));
        h.input.agentHangUp(0);
        h.input.agentReady(0);
        assertEquals(LogoutReason.ASKED, h.core.agentFigures(0).lastLogoutReason());
        assertEquals(AgentState.LOGGED_OUT, h.core.agentState(0));
    }
}
