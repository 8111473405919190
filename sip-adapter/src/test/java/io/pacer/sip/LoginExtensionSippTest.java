package io.pacer.sip;

import io.pacer.sip.stack.SipConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pacer.sip.loopback.StandInCore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent's phone logs in by calling the login extension (SIPp at the agent's fixed address, so Pacer knows
 * it by its source): the session is up once Pacer's 200 is ACKed, and ends with the phone's BYE. A phone that
 * never ACKs the 200 gets it again, then a BYE: Pacer does not keep a session with a phone that may never
 * have heard the answer.
 */
class LoginExtensionSippTest {

    private static final int AGENT = 7;
    private static final int CAMPAIGN = 3;

    private int phonePort;
    private StandInCore core;
    private PacerSipServer pacer;

    @BeforeEach
    void startPacer() throws Exception {
        phonePort = Sipp.freePort();
        core = new StandInCore(0, true);
        pacer = new PacerSipServer(SipConfig.loopback(Sipp.freePort(), 26000,
                List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", Sipp.freePort(), "udp")),
                List.of(new SipConfig.AgentConfig(AGENT, "desk7", null, CAMPAIGN, "127.0.0.1", phonePort, false))));
        core.attach(pacer.telephony());
        pacer.start(core);
    }

    @AfterEach
    void stopPacer() throws Exception {
        try {
            pacer.close();
        } finally {
            core.close();
        }
    }

    private Sipp phone(String scenario) throws Exception {
        return Sipp.uac(scenario, "127.0.0.1:" + pacer.sipPort(), phonePort, 1);
    }

    @Test
    void callingTheLoginExtensionLogsTheAgentInUntilItsBye() throws Exception {
        try (Sipp phone = phone("agent-login-call.xml")) {
            assertNotNull(core.awaitEvent("login " + AGENT + " " + CAMPAIGN, 5_000), "no login from the call");
            assertEquals(1, pacer.stats().agentSessionsUp());
            // Past the stack's ACK watchdog (1 s): an ACKed session stays up.
            assertNull(core.awaitEvent("logout", 1_200), "an ACKed session was ended");
            assertNotNull(core.awaitEvent("logout " + AGENT, 5_000), () -> "the phone's BYE did not log out:\n" + phone.output());
            assertEquals(0, phone.awaitExit(10_000), phone.output());
        }
        assertEquals(0, pacer.stats().agentSessionsUp());
        assertEquals(0, pacer.stats().workerErrors());
    }

    @Test
    void aLoginCallWhoseAckNeverComesIsHungUp() throws Exception {
        try (Sipp phone = phone("agent-login-no-ack.xml")) {
            assertNotNull(core.awaitEvent("login " + AGENT + " " + CAMPAIGN, 5_000), "no login from the call");
            assertNotNull(core.awaitEvent("logout " + AGENT, 5_000), () -> "the unacknowledged session was kept:\n" + phone.output());
            assertEquals(0, phone.awaitExit(10_000), "the phone did not get Pacer's BYE:\n" + phone.output());
        }
        assertEquals(0, pacer.stats().agentSessionsUp());
        assertEquals(0, pacer.relay().portsInUse(), "the session's relay port was not released");
    }
}
