package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.Responsibles;
import io.pacer.engine.control.RingEngineControl;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.pacing.DialMode;
import io.pacer.sip.stack.SipConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Responsibles are the core's rule, so they hold on every path a phone logs in by: a phone at a fixed address
 * called at start, a phone that registers and is called, a phone that calls the login extension. An agent the
 * campaign does not name is never logged in to it (it could get none of its calls) and its phone gets a BYE;
 * a responsible agent on the same path is logged in. End to end over SIP with SIPp phones and the live core.
 */
class ResponsiblesSippTest {

    private static final int CAMPAIGN = 2;
    private static final int RESPONSIBLE = 8;

    private static final ContactSupply NO_CONTACTS = new ContactSupply() {
        @Override public boolean next(int campaignId, long epochMillis, ContactSlot out) { return false; }
        @Override public void giveBack(int campaignId, long contactId) { }
    };

    /** Starts the live core with the campaign open to agent 8 only, then Pacer's SIP side. */
    private static EngineRing core(PacerSipServer pacer) throws Exception {
        EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, pacer.telephony(), NO_CONTACTS,
                r -> { }, 1024);
        RingEngineControl control = new RingEngineControl(ring, pacer);
        control.configure(new CampaignConfig(CAMPAIGN, "responsibles", DialMode.PROGRESSIVE, 1.0, 0, 0.03, 15_000,
                2_000, 10, null));
        control.responsibles(CAMPAIGN, Responsibles.only(RESPONSIBLE));
        pacer.start(ring);
        return ring;
    }

    private static SipConfig config(int basePort, SipConfig.AgentConfig... agents) throws Exception {
        return SipConfig.loopback(Sipp.freePort(), basePort,
                List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", Sipp.freePort(), "udp")), List.of(agents));
    }

    @Test
    void aFixedAddressPhoneOfAnAgentNotResponsibleIsHungUpAndNeverLoggedIn() throws Exception {
        int refusedPort = Sipp.freePort();
        int responsiblePort = Sipp.freePort();
        try (Sipp refused = Sipp.uas("agent-answer.xml", refusedPort, Sipp.freeMediaPort(), 1).awaitListening(refusedPort);
             Sipp responsible = Sipp.uas("agent-answer.xml", responsiblePort, Sipp.freeMediaPort(), 1)
                     .awaitListening(responsiblePort)) {
            PacerSipServer pacer = new PacerSipServer(config(27400,
                    new SipConfig.AgentConfig(5, "desk5", null, CAMPAIGN, "127.0.0.1", refusedPort, true),
                    new SipConfig.AgentConfig(RESPONSIBLE, "desk8", null, CAMPAIGN, "127.0.0.1", responsiblePort, true)));
            try (EngineRing ring = core(pacer)) {
                awaitState(ring, RESPONSIBLE, AgentState.READY);
                assertEquals(0, refused.awaitExit(10_000), "the refused phone got no BYE:\n" + refused.output());
                assertEquals(AgentState.LOGGED_OUT, state(ring, 5));
                assertEquals(1, ring.query(core -> core.stats(CAMPAIGN).agentsLoggedIn()).get(5, TimeUnit.SECONDS));
                pacer.awaitIdle(2_000);
                assertEquals(1, pacer.stats().agentSessionsUp(), "only the responsible agent's session is up");
            } finally {
                pacer.close();
            }
        }
    }

    @Test
    void aRegisteredPhoneOfAnAgentNotResponsibleIsHungUpAndNeverLoggedIn() throws Exception {
        int phonePort = Sipp.freePort();
        try (Sipp phone = Sipp.uas("agent-answer.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort)) {
            PacerSipServer pacer = new PacerSipServer(config(27500,
                    new SipConfig.AgentConfig(6, "soft6", "secret", CAMPAIGN, null, 0, true)));
            try (EngineRing ring = core(pacer)) {
                try (Sipp register = Sipp.uac("agent-register.xml", "127.0.0.1:" + pacer.sipPort(), Sipp.freePort(), 1,
                        "-s", "soft6", "-au", "soft6", "-ap", "secret", "-set", "contactport", String.valueOf(phonePort))) {
                    assertEquals(0, register.awaitExit(20_000), register.output());
                }
                assertEquals(0, phone.awaitExit(10_000), "the registered phone was not called and hung up:\n"
                        + phone.output());
                assertEquals(AgentState.LOGGED_OUT, state(ring, 6));
                assertEquals(0, ring.query(core -> core.stats(CAMPAIGN).agentsLoggedIn()).get(5, TimeUnit.SECONDS));
            } finally {
                pacer.close();
            }
        }
    }

    @Test
    void aCallToTheLoginExtensionByAnAgentNotResponsibleIsHungUpAndNeverLoggedIn() throws Exception {
        int phonePort = Sipp.freePort();
        PacerSipServer pacer = new PacerSipServer(config(27600,
                new SipConfig.AgentConfig(7, "desk7", null, CAMPAIGN, "127.0.0.1", phonePort, false)));
        try (EngineRing ring = core(pacer);
             Sipp phone = Sipp.uac("agent-login-refused.xml", "127.0.0.1:" + pacer.sipPort(), phonePort, 1)) {
            assertEquals(0, phone.awaitExit(10_000), "the login call was not hung up:\n" + phone.output());
            assertEquals(AgentState.LOGGED_OUT, state(ring, 7));
            pacer.awaitIdle(2_000);
            assertEquals(0, pacer.stats().agentSessionsUp());
        } finally {
            pacer.close();
        }
    }

    private static AgentState state(EngineRing ring, int agentId) throws Exception {
        return ring.query(core -> core.agentState(agentId)).get(5, TimeUnit.SECONDS);
    }

    private static void awaitState(EngineRing ring, int agentId, AgentState wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        AgentState seen;
        do {
            seen = state(ring, agentId);
            if (seen == wanted) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        fail("agent " + agentId + " stayed " + seen + ", expected " + wanted);
    }
}
