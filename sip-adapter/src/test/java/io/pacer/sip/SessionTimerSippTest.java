package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.sip.loopback.StandInCore;
import io.pacer.sip.stack.SipConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 4028 session timers on the carrier leg, end to end against SIPp carriers that check what Pacer sends
 * (the scenarios' {@code check_it} regular expressions fail SIPp, and so the test, on a wrong header). The
 * stand-in core never hangs up, so only the carrier or the session timer ends a call.
 */
class SessionTimerSippTest {

    /** Runs one call against {@code scenario}; returns the Pacer used, closed, for its counters. */
    private static PacerSipServer oneCall(String scenario, long expectEndedWithinMillis, boolean pacerEnds)
            throws Exception {
        int carrierPort = Sipp.freePort();
        int phonePort = Sipp.freePort();
        try (Sipp carrier = Sipp.uas(scenario, carrierPort, Sipp.freeMediaPort(), 1).awaitListening(carrierPort);
             Sipp phone = Sipp.uas("agent-answer.xml", phonePort, Sipp.freeMediaPort(), 1).awaitListening(phonePort);
             StandInCore core = new StandInCore(0, true)) {
            // An agent to take the call: without one the stand-in abandons it at once.
            SipConfig config = SipConfig.loopback(Sipp.freePort(), 25000,
                    List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", carrierPort, "udp")),
                    List.of(new SipConfig.AgentConfig(7, "desk7", null, 1, "127.0.0.1", phonePort, true)))
                    .withNotifyAgents(false);
            PacerSipServer pacer = new PacerSipServer(config);
            core.attach(pacer.telephony());
            try {
                pacer.start(core);
                assertNotNull(core.awaitEvent("login 7", 5_000), "the agent's session did not come up");
                pacer.telephony().dial(1, 1, 1, "+15550001", null, 20_000);
                assertNotNull(core.awaitEvent("answered 1", 5_000));
                long answeredNanos = System.nanoTime();
                assertNotNull(core.awaitEvent("ended 1", expectEndedWithinMillis), "the call did not end");
                long endedMillis = (System.nanoTime() - answeredNanos) / 1_000_000;
                assertEquals(0, carrier.awaitExit(5_000), carrier.output());
                if (pacerEnds) {
                    assertTrue(endedMillis >= 1_500, "hung up " + endedMillis + " ms after the answer: too early");
                }
                assertEquals(0, pacer.stats().callsInProgress());
            } finally {
                pacer.close();
            }
            return pacer;
        }
    }

    @Test
    void pacerRefreshesWhenTheCarrierMakesItTheRefresherAndRetriesWithMinSeAfter422() throws Exception {
        PacerSipServer pacer = oneCall("carrier-session-refresher.xml", 5_000, false);
        assertEquals(2, pacer.stats().refreshesSent(), "one refresh refused with 422, one accepted");
        assertEquals(0, pacer.stats().sessionsExpired());
    }

    @Test
    void pacerRefreshesWithAReInviteWhenTheCarrierDoesNotAllowUpdate() throws Exception {
        PacerSipServer pacer = oneCall("carrier-session-reinvite.xml", 5_000, false);
        assertEquals(1, pacer.stats().refreshesSent());
        assertEquals(0, pacer.stats().sessionsExpired());
    }

    @Test
    void carrierRefreshIsAnsweredWithTheRefresherNamedAndTooShortIntervalsRefused() throws Exception {
        PacerSipServer pacer = oneCall("carrier-session-refreshee.xml", 5_000, false);
        assertEquals(1, pacer.stats().refreshes(), "the refresh for 90 s is accepted, the one for 30 s is not");
        assertEquals(0, pacer.stats().refreshesSent());
        assertEquals(0, pacer.stats().sessionsExpired());
    }

    @Test
    void callWhoseCarrierFailsToRefreshIsHungUpBeforeTheSessionExpires() throws Exception {
        PacerSipServer pacer = oneCall("carrier-session-expires.xml", 3_500, true);
        assertEquals(1, pacer.stats().sessionsExpired());
    }
}
