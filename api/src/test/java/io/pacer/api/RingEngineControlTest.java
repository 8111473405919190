package io.pacer.api;

import io.pacer.engine.control.RingEngineControl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.agent.AgentFigures;
import io.pacer.engine.agent.AgentState;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.AgentSessions;
import io.pacer.engine.port.AgentSessions.Opening;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import io.pacer.pacing.DialMode;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An API login asks for the agent's phone session first; the core hears of it only when no phone is needed. */
class RingEngineControlTest {

    /** Phone sessions that answer every open with a fixed result and record what they are asked. */
    private static final class ScriptedSessions implements AgentSessions {
        final Opening answer;
        final CopyOnWriteArrayList<String> asked = new CopyOnWriteArrayList<>();

        ScriptedSessions(Opening answer) {
            this.answer = answer;
        }

        @Override
        public Opening open(int agentId, int campaignId) {
            asked.add("open " + agentId + " " + campaignId);
            return answer;
        }

        @Override
        public void close(int agentId) {
            asked.add("close " + agentId);
        }
    }

    private static final Telephony SILENT = new Telephony() {
        @Override public void dial(long callId, int campaignId, long contactId, String number, String callerId, long t) { }
        @Override public void cancel(long callId) { }
        @Override public void bridge(long callId, int agentId) { }
        @Override public void hangUp(long callId) { }
        @Override public void abandon(long callId) { }
        @Override public void offerPreview(int agentId, long contactId, String number) { }
    };

    private static final ContactSupply EMPTY = new ContactSupply() {
        @Override public boolean next(int campaignId, long epochMillis, ContactSlot out) { return false; }
        @Override public void giveBack(int campaignId, long contactId) { }
    };

    private static AgentState stateAfter(ScriptedSessions sessions, Opening[] returned) throws Exception {
        try (EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, SILENT, EMPTY, r -> { }, 64)) {
            RingEngineControl control = new RingEngineControl(ring, sessions);
            control.configure(new CampaignConfig(4, "c", DialMode.PREVIEW, 1.0, 0, 0.03, 15_000, 2_000, 10, null));
            returned[0] = control.agentLogin(7, 4);
            return ring.query(core -> core.agentState(7)).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void loginNeedingNoPhoneReachesTheCoreAtOnce() throws Exception {
        Opening[] returned = new Opening[1];
        ScriptedSessions sessions = new ScriptedSessions(Opening.NOT_NEEDED);
        assertEquals(AgentState.READY, stateAfter(sessions, returned));
        assertEquals(Opening.NOT_NEEDED, returned[0]);
        assertEquals("open 7 4", sessions.asked.get(0));
    }

    @Test
    void loginWhilePhoneIsCalledLeavesTheCoreToTheSessionOwner() throws Exception {
        Opening[] returned = new Opening[1];
        assertEquals(AgentState.LOGGED_OUT, stateAfter(new ScriptedSessions(Opening.CALLING), returned));
        assertEquals(Opening.CALLING, returned[0]);
    }

    @Test
    void loginOfAnUnreachablePhoneNeverReachesTheCore() throws Exception {
        Opening[] returned = new Opening[1];
        assertEquals(AgentState.LOGGED_OUT, stateAfter(new ScriptedSessions(Opening.UNREACHABLE), returned));
        assertEquals(Opening.UNREACHABLE, returned[0]);
        assertTrue(returned[0].problem().contains("not registered"));
    }

    @Test
    void logoutEndsThePhoneSessionOnceTheCoreHasLoggedTheAgentOut() throws Exception {
        ScriptedSessions sessions = new ScriptedSessions(Opening.NOT_NEEDED);
        try (EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, SILENT, EMPTY, r -> { }, 64)) {
            RingEngineControl control = new RingEngineControl(ring, sessions);
            control.configure(new CampaignConfig(4, "c", DialMode.PREVIEW, 1.0, 0, 0.03, 15_000, 2_000, 10, null));
            control.agentLogin(7, 4);
            control.agentLogout(7);
            assertEquals(AgentState.LOGGED_OUT, ring.query(core -> core.agentState(7)).get(5, TimeUnit.SECONDS));
        }
        assertEquals(java.util.List.of("open 7 4", "close 7"), sessions.asked);
    }

    @Test
    void theStatesOfManyAgentsComeFromOneQuestionInRingOrder() throws Exception {
        try (EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, SILENT, EMPTY, r -> { }, 64)) {
            RingEngineControl control = new RingEngineControl(ring, new ScriptedSessions(Opening.NOT_NEEDED));
            control.configure(new CampaignConfig(4, "c", DialMode.PREVIEW, 1.0, 0, 0.03, 15_000, 2_000, 10, null));
            control.agentLogin(7, 4);
            control.agentLogin(8, 4);
            control.agentPause(8);
            AgentFigures[] rows = control.agentFigures(new int[] {7, 8, 9});
            assertEquals(AgentState.READY, rows[0].state());
            assertEquals(AgentState.PAUSED, rows[1].state(), "the pause published just before is seen");
            assertEquals(control.agentState(9), rows[2].state(), "an unknown agent answers as agentState does");
        }
    }
}
