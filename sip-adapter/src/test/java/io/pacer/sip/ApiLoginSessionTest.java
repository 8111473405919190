package io.pacer.sip;

import io.pacer.sip.stack.SipConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.control.RingEngineControl;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.AgentSessions.Opening;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.pacing.DialMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Logins and logouts made through the API's control, end to end over SIP on loopback: the live core, the SIP
 * adapter as its phone sessions, and a SIPp phone at a fixed address that answers Pacer's call and waits for
 * its BYE.
 */
class ApiLoginSessionTest {

    private static final ContactSupply NO_CONTACTS = new ContactSupply() {
        @Override public boolean next(int campaignId, long epochMillis, ContactSlot out) { return false; }
        @Override public void giveBack(int campaignId, long contactId) { }
    };

    @Test
    void apiLoginCallsThePhoneAndLogsInOnAnswerAndLogoutHangsItUp() throws Exception {
        int phonePort = Sipp.freePort();
        try (Sipp phone = Sipp.uas("agent-answer.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort)) {
            SipConfig config = SipConfig.loopback(Sipp.freePort(), 27200,
                    List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", Sipp.freePort(), "udp")),
                    List.of(new SipConfig.AgentConfig(5, "desk5", null, 2, "127.0.0.1", phonePort, false),
                            new SipConfig.AgentConfig(6, "soft6", "secret", 2, null, 0, true)));
            PacerSipServer pacer = new PacerSipServer(config);
            try (EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, pacer.telephony(),
                    NO_CONTACTS, r -> { }, 1024)) {
                RingEngineControl control = new RingEngineControl(ring, pacer);
                control.configure(new CampaignConfig(2, "configured", DialMode.PREVIEW, 1.0, 0, 0.03, 15_000, 2_000, 10, null));
                control.configure(new CampaignConfig(3, "asked for", DialMode.PREVIEW, 1.0, 0, 0.03, 15_000, 2_000, 10, null));
                pacer.start(ring);

                assertEquals(Opening.CALLING, control.agentLogin(5, 3));
                awaitState(ring, 5, AgentState.READY);
                assertEquals(1, ring.query(core -> core.stats(3).agentsLoggedIn()).get(5, TimeUnit.SECONDS),
                        "logged in to the campaign the API asked for");
                assertEquals(0, ring.query(core -> core.stats(2).agentsLoggedIn()).get(5, TimeUnit.SECONDS));
                assertEquals(1, pacer.stats().agentSessionsUp());

                control.agentLogout(5);
                assertEquals(0, phone.awaitExit(10_000), "the phone got no BYE: " + phone.output());
                awaitState(ring, 5, AgentState.LOGGED_OUT);
                pacer.awaitIdle(2_000);
                assertEquals(0, pacer.stats().agentSessionsUp());

                assertEquals(Opening.UNREACHABLE, control.agentLogin(6, 3), "not registered, no fixed address");
                assertEquals(Opening.UNKNOWN_AGENT, control.agentLogin(9, 3), "no phone in the SIP configuration");
                pacer.awaitIdle(2_000);
                assertEquals(AgentState.LOGGED_OUT, ring.query(core -> core.agentState(6)).get(5, TimeUnit.SECONDS));
                assertEquals(AgentState.LOGGED_OUT, ring.query(core -> core.agentState(9)).get(5, TimeUnit.SECONDS));
                assertEquals(0, ring.query(core -> core.stats(3).agentsLoggedIn()).get(5, TimeUnit.SECONDS));
            } finally {
                pacer.close();
            }
        }
    }

    private static void awaitState(EngineRing ring, int agentId, AgentState wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        AgentState seen;
        do {
            seen = ring.query(core -> core.agentState(agentId)).get(5, TimeUnit.SECONDS);
            if (seen == wanted) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        fail("agent " + agentId + " stayed " + seen + ", expected " + wanted);
    }
}
