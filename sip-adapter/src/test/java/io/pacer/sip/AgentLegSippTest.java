package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.core.EngineInput;
import io.pacer.sip.loopback.StandInCore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import io.pacer.sip.stack.SessionSettings;
import io.pacer.sip.stack.SipConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent leg you can trust, end to end over real SIP: a SIPp phone at a fixed address holds the nailed-up
 * call, a SIPp carrier answers one customer call, and {@link StandInCore} bridges it to the agent and lets it
 * run until someone hangs up. Each test has its own Pacer, phone and carrier.
 */
class AgentLegSippTest {

    private static final int AGENT = 5;

    /** Pacer with one fixed-address agent on {@code phonePort} and one trunk on {@code carrierPort}. */
    private static PacerSipServer pacer(int phonePort, int carrierPort, SessionSettings sessions) throws Exception {
        return pacer(phonePort, carrierPort, sessions, true);
    }

    private static PacerSipServer pacer(int phonePort, int carrierPort, SessionSettings sessions, boolean notify)
            throws Exception {
        SipConfig config = SipConfig.loopback(Sipp.freePort(), 24000,
                List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", carrierPort, "udp")),
                List.of(new SipConfig.AgentConfig(AGENT, "desk5", null, 1, "127.0.0.1", phonePort, true)))
                .withSessions(sessions).withNotifyAgents(notify);
        return new PacerSipServer(config);
    }

    private static long dial(StandInCore core, PacerSipServer pacer, long id) {
        pacer.telephony().dial(id, 1, id, "+1555000" + id, null, 20_000);
        return id;
    }

    @Test
    void agentByeDuringABridgeHangsUpTheCustomerWithinASecondAsTheAgentsHangUp() throws Exception {
        int phonePort = Sipp.freePort();
        int carrierPort = Sipp.freePort();
        try (Sipp phone = Sipp.uas("agent-hangs-up.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             Sipp carrier = Sipp.uas("carrier-answer.xml", carrierPort, Sipp.freeMediaPort(), 1).awaitListening(carrierPort);
             StandInCore core = new StandInCore(0, true)) {
            PacerSipServer pacer = pacer(phonePort, carrierPort, SessionSettings.DEFAULTS);
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                assertNotNull(core.awaitEvent("login " + AGENT, 5_000), "the phone's session did not come up");
                long id = dial(core, pacer, 1);
                assertNotNull(core.awaitEvent("answered " + id, 5_000));
                // The phone hangs up 300 ms after it hears of the customer.
                assertNotNull(core.awaitEvent("hangup " + AGENT, 5_000), "the agent's BYE did not reach the engine");
                long hangUpNanos = System.nanoTime();
                assertNotNull(core.awaitEvent("ended " + id, 1_000), "the customer was left on the line");
                assertTrue(System.nanoTime() - hangUpNanos < 1_000_000_000L);
                assertEquals(0, carrier.awaitExit(5_000), "the carrier got no BYE:\n" + carrier.output());
                assertEquals(0, phone.awaitExit(5_000), phone.output());
                assertEquals(1, pacer.stats().agentHangUps());
                assertEquals(0, pacer.stats().agentSessionsUp());
                assertEquals(0, pacer.stats().callsInProgress());
            } finally {
                pacer.close();
            }
        }
    }

    @Test
    void phoneThatStopsSendingRtpIsLoggedOutAndItsCustomerAbandoned() throws Exception {
        int phonePort = Sipp.freePort();
        int carrierPort = Sipp.freePort();
        // A phone that sends no media at all: the relay never hears from it.
        try (Sipp phone = Sipp.uas("agent-answer.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             Sipp carrier = Sipp.uas("carrier-answer.xml", carrierPort, Sipp.freeMediaPort(), 1).awaitListening(carrierPort);
             StandInCore core = new StandInCore(0, true)) {
            PacerSipServer pacer = pacer(phonePort, carrierPort, new SessionSettings(0, 1_500, 90, 0), false);
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                assertNotNull(core.awaitEvent("login " + AGENT, 5_000), "the phone's session did not come up");
                long id = dial(core, pacer, 1);
                assertNotNull(core.awaitEvent("answered " + id, 5_000));
                awaitBridge(pacer);
                // The engine hears the phone is lost (and abandons its customer), then the session's logout; the
                // customer's end follows the abandon (the stand-in logs events in order).
                assertNotNull(core.awaitEvent("lost " + AGENT, 5_000), "the engine did not hear of the dead phone");
                assertNotNull(core.awaitEvent("logout " + AGENT, 5_000), "the silent phone was not logged out");
                assertNotNull(core.awaitEvent("ended " + id, 5_000), "the customer of the dead phone was not hung up");
                assertEquals(0, carrier.awaitExit(5_000), "the carrier got no BYE:\n" + carrier.output());
                assertEquals(0, phone.awaitExit(5_000), "the phone got no BYE:\n" + phone.output());
                assertEquals(1, pacer.stats().deadAgentPhones());
                assertEquals(0, pacer.stats().agentSessionsUp());
                awaitNoIdleAgent(core);
            } finally {
                pacer.close();
            }
        }
    }

    @Test
    void customerBridgedToAnAgentWhoseSessionJustEndedIsAbandonedNotLeftOnASilentLine() throws Exception {
        int phonePort = Sipp.freePort();
        int carrierPort = Sipp.freePort();
        try (Sipp phone = Sipp.uas("agent-leaves.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             Sipp carrier = Sipp.uas("carrier-answer.xml", carrierPort, Sipp.freeMediaPort(), 1).awaitListening(carrierPort);
             StandInCore core = new StandInCore(0, true)) {
            PacerSipServer pacer = pacer(phonePort, carrierPort, SessionSettings.DEFAULTS, false);
            core.attach(pacer.telephony());
            try {
                // An engine that has not yet heard of the logout when the customer answers: it bridges to the agent.
                pacer.start(deafToLogouts(core));
                assertNotNull(core.awaitEvent("login " + AGENT, 5_000), "the phone's session did not come up");
                long deadline = System.currentTimeMillis() + 5_000;
                while (pacer.stats().agentSessionsUp() > 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(0, pacer.stats().agentSessionsUp(), "the phone's BYE did not end its session");
                long id = dial(core, pacer, 1);
                assertNotNull(core.awaitEvent("answered " + id, 5_000));
                assertNotNull(core.awaitEvent("ended " + id, 5_000), "the customer was left on a silent line");
                assertEquals(0, carrier.awaitExit(5_000), "the carrier got no BYE:\n" + carrier.output());
                assertEquals(0, pacer.stats().bridges());
            } finally {
                pacer.close();
            }
        }
    }

    @Test
    void pacerRefreshesTheNailedUpCallWhenThePhoneMakesItTheRefresher() throws Exception {
        int phonePort = Sipp.freePort();
        try (Sipp phone = Sipp.uas("agent-session-timer.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             StandInCore core = new StandInCore(0, true)) {
            PacerSipServer pacer = pacer(phonePort, Sipp.freePort(), new SessionSettings(0, 0, 90, 0), false);
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                assertNotNull(core.awaitEvent("login " + AGENT, 5_000), "the phone's session did not come up");
                long deadline = System.currentTimeMillis() + 2_500;
                while (pacer.stats().agentRefreshesSent() == 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(1, pacer.stats().agentRefreshesSent(), "no refresh within half the 4 s interval");
                Thread.sleep(300);
                assertEquals(1, pacer.stats().agentSessionsUp(), "the refreshed session dropped");
                assertEquals(0, pacer.stats().deadAgentPhones());
            } finally {
                pacer.close();
            }
            // The phone checked the refresh's Session-Expires and got the ACK of its 200 and then the BYE.
            assertEquals(0, phone.awaitExit(5_000), phone.output());
        }
    }

    /** {@code core} as the adapter's engine, except that it never hears an agent's logout. */
    private static EngineInput deafToLogouts(StandInCore core) {
        return (EngineInput) Proxy.newProxyInstance(EngineInput.class.getClassLoader(), new Class<?>[] {EngineInput.class},
                (proxy, method, args) -> {
                    if ("agentLogout".equals(method.getName())) {
                        return null;
                    }
                    try {
                        return method.invoke(core, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The stand-in logs a logout before it takes the agent off its idle list: wait for both. */
    private static void awaitNoIdleAgent(StandInCore core) throws Exception {
        long deadline = System.currentTimeMillis() + 1_000;
        while (core.idleAgents() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, core.idleAgents(), "a dead phone must never be offered a customer");
    }

    private static void awaitBridge(PacerSipServer pacer) throws Exception {
        long deadline = System.currentTimeMillis() + 2_000;
        while (pacer.stats().bridges() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, pacer.stats().bridges(), "the customer was not bridged to the agent");
    }

    @Test
    void phoneThatStopsAnsweringOptionsIsLoggedOut() throws Exception {
        int phonePort = Sipp.freePort();
        try (Sipp phone = Sipp.uas("agent-stops-answering.xml", phonePort, Sipp.freeMediaPort(), 1, "-nd")
                .awaitListening(phonePort);
             StandInCore core = new StandInCore(0, true)) {
            PacerSipServer pacer = pacer(phonePort, Sipp.freePort(), new SessionSettings(1_000, 0, 90, 0));
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                assertNotNull(core.awaitEvent("login " + AGENT, 5_000), "the phone's session did not come up");
                long upNanos = System.nanoTime();
                assertNotNull(core.awaitEvent("logout " + AGENT, 6_000), "the phone that stopped answering stayed in");
                // One OPTIONS answered at about 1 s, the next unanswered at 2 s, given up when the third is due.
                assertTrue(System.nanoTime() - upNanos > 2_500_000_000L, "logged out before a keep-alive went unanswered");
                assertEquals(1, pacer.stats().deadAgentPhones());
                assertEquals(0, pacer.stats().agentSessionsUp());
                awaitNoIdleAgent(core);
                assertEquals(0, phone.awaitExit(5_000), "the phone did not get its BYE:\n" + phone.output());
            } finally {
                pacer.close();
            }
        }
    }

    @Test
    void phoneThatAnswersOptionsStaysLoggedIn() throws Exception {
        int phonePort = Sipp.freePort();
        try (Sipp phone = Sipp.uas("agent-answer.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             StandInCore core = new StandInCore(0, true)) {
            PacerSipServer pacer = pacer(phonePort, Sipp.freePort(), new SessionSettings(300, 0, 90, 0));
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                assertNotNull(core.awaitEvent("login " + AGENT, 5_000), "the phone's session did not come up");
                Thread.sleep(2_000);
                assertEquals(1, pacer.stats().agentSessionsUp(), "a phone that answers every OPTIONS was dropped");
                assertEquals(0, pacer.stats().deadAgentPhones());
            } finally {
                pacer.close();
            }
            assertEquals(0, phone.awaitExit(5_000), phone.output());
        }
    }
}
