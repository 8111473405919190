package io.pacer.sip;

import io.pacer.sip.stack.SipConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.pacer.sip.loopback.StandInCore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A phone at a fixed address (no REGISTER) gets its nailed-up call when Pacer starts, and a BYE when it stops. */
class FixedAddressAgentTest {

    @Test
    void pacerCallsAFixedAddressPhoneAtStartAndHangsUpAtStop() throws Exception {
        int phonePort = Sipp.freePort();
        try (Sipp phone = Sipp.uas("agent-answer.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             StandInCore core = new StandInCore(0, true)) {
            SipConfig config = SipConfig.loopback(Sipp.freePort(), 27000,
                    List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", Sipp.freePort(), "udp")),
                    List.of(new SipConfig.AgentConfig(5, "desk5", null, 3, "127.0.0.1", phonePort, true)));
            PacerSipServer pacer = new PacerSipServer(config);
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                assertNotNull(core.awaitEvent("login 5 3", 5_000), "the fixed-address phone was not called");
                assertEquals(1, pacer.stats().agentSessionsUp());
            } finally {
                pacer.close();
            }
            assertEquals(0, phone.awaitExit(10_000), phone.output());
        }
    }
}
