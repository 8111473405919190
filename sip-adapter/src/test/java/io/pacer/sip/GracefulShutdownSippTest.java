package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.sip.loopback.StandInCore;
import io.pacer.sip.stack.SessionSettings;
import io.pacer.sip.stack.SipConfig;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A graceful stop with calls up, in process: {@link PacerSipServer#drain} is what {@code Pacer.close()} calls on
 * SIGTERM or {@code stop} before the adapter closes, while the engine still records (here the stand-in core,
 * which logs every call's end). In process rather than a child JVM running {@code pacer run}: the SIP side of
 * the stop is all in the adapter, and a child JVM would add storage and a launcher build to a test of SIP.
 *
 * <p>Three calls are up when the stop begins: one bridged to the agent, one ringing, and one dialled by the
 * engine after the stop began.
 */
class GracefulShutdownSippTest {

    @Test
    void stopCancelsRingingCallsLetsBridgedOnesRunTheGraceThenHangsUpBothLegs() throws Exception {
        int answerPort = Sipp.freePort();
        int ringPort = Sipp.freePort();
        int phonePort = Sipp.freePort();
        try (Sipp answers = Sipp.uas("carrier-answer.xml", answerPort, Sipp.freeMediaPort(), 1).awaitListening(answerPort);
             Sipp rings = Sipp.uas("carrier-no-answer.xml", ringPort, Sipp.freeMediaPort(), 1).awaitListening(ringPort);
             Sipp phone = Sipp.uas("agent-answer.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             StandInCore core = new StandInCore(0, true)) {
            SipConfig config = SipConfig.loopback(Sipp.freePort(), 26000,
                    List.of(new SipConfig.TrunkConfig("answers", "127.0.0.1", answerPort, "udp", null, 0, null, null,
                                    "pacer", 100, 100, List.of(1)),
                            new SipConfig.TrunkConfig("rings", "127.0.0.1", ringPort, "udp", null, 0, null, null,
                                    "pacer", 100, 100, List.of(2))),
                    List.of(new SipConfig.AgentConfig(3, "desk3", null, 1, "127.0.0.1", phonePort, true)))
                    .withNotifyAgents(false)
                    .withSessions(new SessionSettings(0, 0, 90, 1_500));
            PacerSipServer pacer = new PacerSipServer(config);
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                assertNotNull(core.awaitEvent("login 3", 5_000), "the agent's session did not come up");
                pacer.telephony().dial(1, 1, 1, "+15550001", null, 30_000);
                assertNotNull(core.awaitEvent("answered 1", 5_000));
                pacer.telephony().dial(2, 2, 2, "+15550002", null, 30_000);
                assertNotNull(core.awaitEvent("ringing 2", 5_000));
                long invitesBefore = pacer.stats().invitesSent();

                long stopNanos = System.nanoTime();
                CompletableFuture<Void> drained = CompletableFuture.runAsync(pacer::drain);
                assertEquals("failed 2 NO_ANSWER", core.awaitEvent("failed 2", 2_000), "the ringing call was not CANCELled");
                pacer.telephony().dial(3, 1, 3, "+15550003", null, 30_000);
                assertNotNull(core.awaitEvent("ended 1", 5_000), "the bridged call was not hung up after the grace");
                long endedAfterMillis = (System.nanoTime() - stopNanos) / 1_000_000;
                assertTrue(endedAfterMillis >= 1_400, "the bridged call got only " + endedAfterMillis + " ms of grace");
                // Held, never sent: it goes back to the engine untouched, so its contact is not charged an attempt.
                assertEquals("notplaced 3 0", core.awaitEvent("notplaced 3", 2_000));
                assertNotNull(core.awaitEvent("logout 3", 2_000), "the agent's session was not ended");
                drained.get();

                assertEquals(invitesBefore, pacer.stats().invitesSent(), "an INVITE left after the stop began");
                assertEquals(0, pacer.stats().callsInProgress(), "calls in flight not back to 0");
                assertEquals(0, pacer.stats().agentSessionsUp());
                assertEquals(0, pacer.liveDialogs(), "a dialog outlived the stop");
            } finally {
                pacer.close();
            }
            assertEquals(0, answers.awaitExit(5_000), "the customer got no BYE:\n" + answers.output());
            assertEquals(0, rings.awaitExit(5_000), "the ringing call got no CANCEL:\n" + rings.output());
            assertEquals(0, phone.awaitExit(5_000), "the agent's phone got no BYE:\n" + phone.output());
        }
    }
}
