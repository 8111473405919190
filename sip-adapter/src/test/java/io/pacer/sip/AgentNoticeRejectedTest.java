package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pacer.sip.loopback.StandInCore;
import io.pacer.sip.stack.SipConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A phone that does not take MESSAGE (405, then 501) keeps its session: the refusals neither log the agent out
 * nor break the worker, the transactions end, and the next notice still goes out on the same session.
 */
class AgentNoticeRejectedTest {

    @Test
    void aPhoneThatRefusesNoticesKeepsItsSession() throws Exception {
        int phonePort = Sipp.freePort();
        try (Sipp phone = Sipp.uas("agent-rejects-notices.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             StandInCore core = new StandInCore(0, true)) {
            SipConfig config = SipConfig.loopback(Sipp.freePort(), 24000,
                    List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", Sipp.freePort(), "udp")),
                    List.of(new SipConfig.AgentConfig(5, "desk5", null, 3, "127.0.0.1", phonePort, true)));
            PacerSipServer pacer = new PacerSipServer(config);
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                assertNotNull(core.awaitEvent("login 5 3", 5_000), "the phone was not called");
                for (long contact = 1; contact <= 3; contact++) {
                    pacer.telephony().offerPreview(5, contact, "+1555020" + contact);
                    Thread.sleep(300);
                }
                awaitClientTransactions(pacer, 0, 15_000);
                assertNull(core.awaitEvent("logout", 300), "a refused notice logged the agent out");
                assertEquals(1, pacer.stats().agentSessionsUp());
                assertEquals(0, pacer.stats().workerErrors());
                assertEquals(1, pacer.liveDialogs(), "only the session's dialog may be left");
            } finally {
                pacer.close();
            }
            assertEquals(0, phone.awaitExit(10_000), "the phone did not see 3 notices then the BYE:\n" + phone.output());
        }
    }

    /** Waits until the MESSAGE's client transaction has ended (405/501/200 received; Timer K over UDP). */
    private static void awaitClientTransactions(PacerSipServer pacer, int count, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (pacer.liveClientTransactions() > count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(count, pacer.liveClientTransactions(), "a notice's transaction never ended");
    }
}
