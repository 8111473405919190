package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pacer.sip.loopback.StandInCore;
import java.util.List;
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

    private static SipConfig config(int phonePort) throws Exception {
        return SipConfig.loopback(Sipp.freePort(), 26000,
                List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", Sipp.freePort(), "udp")),
                List.of(new SipConfig.AgentConfig(AGENT, "desk7", null, CAMPAIGN, "127.0.0.1", phonePort, false)));
    }

    @Test
    void callingTheLoginExtensionLogsTheAgentInUntilItsBye() throws Exception {
        int phonePort = Sipp.freePort();
        try (StandInCore core = new StandInCore(0, true)) {
            PacerSipServer pacer = new PacerSipServer(config(phonePort));
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                try (Sipp phone = Sipp.uac("agent-login-call.xml", "127.0.0.1:" + pacer.sipPort(), phonePort, 1)) {
                    assertNotNull(core.awaitEvent("login " + AGENT + " " + CAMPAIGN, 5_000), "no login from the call");
                    assertEquals(1, pacer.stats().agentSessionsUp());
                    // Past the stack's ACK watchdog (1 s): an ACKed session stays up.
                    assertNull(core.awaitEvent("logout", 1_200), "an ACKed session was ended");
                    assertNotNull(core.awaitEvent("logout " + AGENT, 5_000), () -> "the phone's BYE did not log out:\n" + phone.output());
                    assertEquals(0, phone.awaitExit(10_000), phone.output());
                }
                assertEquals(0, pacer.stats().agentSessionsUp());
                assertEquals(0, pacer.stats().workerErrors());
            } finally {
                pacer.close();
            }
        }
    }

    @Test
    void aLoginCallWhoseAckNeverComesIsHungUp() throws Exception {
        int phonePort = Sipp.freePort();
        try (StandInCore core = new StandInCore(0, true)) {
            PacerSipServer pacer = new PacerSipServer(config(phonePort));
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                try (Sipp phone = Sipp.uac("agent-login-no-ack.xml", "127.0.0.1:" + pacer.sipPort(), phonePort, 1)) {
                    assertNotNull(core.awaitEvent("login " + AGENT + " " + CAMPAIGN, 5_000), "no login from the call");
                    assertNotNull(core.awaitEvent("logout " + AGENT, 5_000), () -> "the unacknowledged session was kept:\n" + phone.output());
                    assertEquals(0, phone.awaitExit(10_000), "the phone did not get Pacer's BYE:\n" + phone.output());
                }
                assertEquals(0, pacer.stats().agentSessionsUp());
                assertEquals(0, pacer.relay().portsInUse(), "the session's relay port was not released");
            } finally {
                pacer.close();
            }
        }
    }
}
