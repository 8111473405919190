package io.pacer.sip;

import io.pacer.sip.stack.SipConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.Telephony;
import io.pacer.sip.loopback.StandInCore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end over real SIP on 127.0.0.1: Pacer between SIPp carriers (one trunk per behaviour, each routed
 * to its own campaign) and one SIPp agent phone that registers and auto-answers its nailed-up call. The
 * engine is {@link StandInCore}: it bridges answered calls to the agent and hangs up after 300 ms.
 *
 * <p>Pacer and the agent's session are set up once for the class, because the session is what every test
 * needs; each test has its own trunk and campaign, starts from a quiet Pacer ({@link #pacerIsQuiet}) and
 * asserts on what changed during it, so the tests pass in any order.
 */
class TrunkLegSippTest {

    private static final String[] SCENARIOS = {
        "carrier-answer.xml", "carrier-busy.xml", "carrier-no-answer.xml", "carrier-failure.xml",
        "carrier-early-media.xml", "carrier-hangup.xml", "carrier-reinvite.xml", "carrier-random.xml",
        "carrier-answer-media.xml", "carrier-answer.xml", "carrier-auth.xml", "carrier-answer.xml",
        "carrier-ack-lost.xml", "carrier-bye-again.xml", "carrier-post-dial-delay.xml", "carrier-no-answer.xml", "carrier-no-answer.xml", "carrier-answer.xml"};
    private static final int TCP_CAMPAIGN = 10;
    private static final int AUTH_CAMPAIGN = 11;
    private static final int LOAD_CAMPAIGN = 12;
    private static final int ACK_LOST_CAMPAIGN = 13;
    private static final int BYE_AGAIN_CAMPAIGN = 14;
    private static final int POST_DIAL_DELAY_CAMPAIGN = 15;
    /** A trunk capped at one call per second, so that dials queue in the adapter. */
    private static final int ONE_PER_SECOND_CAMPAIGN = 16;
    /** A trunk with one channel. */
    private static final int ONE_CHANNEL_CAMPAIGN = 17;
    /** A TCP trunk nothing listens on: down. */
    private static final int DOWN_CAMPAIGN = 18;
    /**
     * The ring time of the tests that wait a ring out. The engine never gives a dial less than 15 s (the rules'
     * least), but the adapter takes any ring time it is handed, and what these tests prove (the ring time counts
     * from the 180, queueing for the calls-per-second cap does not eat it) shows as well with 4 s as with 15 s:
     * a ring time eaten by a 2 s post-dial delay or a 2 s queue would last about 2 s, not 4.
     */
    private static final long RING_MILLIS = 4_000;

    private static final int[] carrierPorts = new int[SCENARIOS.length + 1];
    private static final AtomicLong callIds = new AtomicLong(1000);
    private static PacerSipServer pacer;
    private static StandInCore core;
    private static Telephony telephony;
    private static Sipp agentPhone;
    private static int agentMediaPort;

    @BeforeAll
    static void startPacerAndAgent() throws Exception {
        Sipp.binary();
        List<SipConfig.TrunkConfig> trunks = new ArrayList<>();
        for (int campaign = 1; campaign <= SCENARIOS.length; campaign++) {
            carrierPorts[campaign] = Sipp.freePort();
            String transport = campaign == TCP_CAMPAIGN || campaign == DOWN_CAMPAIGN ? "tcp" : "udp";
            String user = campaign == AUTH_CAMPAIGN ? "pacer" : null;
            String password = campaign == AUTH_CAMPAIGN ? "trunk-secret" : null;
            trunks.add(new SipConfig.TrunkConfig("trunk" + campaign, "127.0.0.1", carrierPorts[campaign], transport,
                    null, 0, user, password, "+15550100", campaign == ONE_CHANNEL_CAMPAIGN ? 1 : 1000, campaign == ONE_PER_SECOND_CAMPAIGN ? 1 : 1000,
                    List.of(campaign)));
        }
        List<SipConfig.AgentConfig> agents = List.of(
                new SipConfig.AgentConfig(1, "agent1", "agent-secret", 1, null, 0, true));
        SipConfig config = new SipConfig("127.0.0.1", Sipp.freePort(), 1, 20000, 23999, 1, "PCMU", "login", false,
                0, trunks, agents);
        core = new StandInCore(300, true);
        pacer = new PacerSipServer(config);
        telephony = pacer.telephony();
        core.attach(telephony);
        pacer.start(core);

        int agentPort = Sipp.freePort();
        agentMediaPort = Sipp.freeMediaPort();
        agentPhone = Sipp.uas("agent-answer.xml", agentPort, agentMediaPort, 1, "-rtp_echo");
        try (Sipp register = Sipp.uac("agent-register.xml", "127.0.0.1:" + pacer.sipPort(), Sipp.freePort(), 1,
                "-s", "agent1", "-au", "agent1", "-ap", "agent-secret", "-set", "contactport", String.valueOf(agentPort))) {
            assertEquals(0, register.awaitExit(20_000), register.output());
        }
        assertNotNull(core.awaitEvent("login 1 1", 10_000), "the agent's nailed-up call was not set up");
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            if (pacer != null) {
                pacer.close();
            }
            if (agentPhone != null) {
                assertEquals(0, agentPhone.awaitExit(10_000), "agent phone did not see its session end with a BYE:\n"
                        + agentPhone.output());
            }
        } finally {
            if (agentPhone != null) {
                agentPhone.close();
            }
            if (core != null) {
                core.close();
            }
        }
    }

    /**
     * Waits until the previous test's calls are gone and only the agent's session is left, so that no test sees
     * another's calls, and fails here if a test before broke the session every test needs.
     */
    @BeforeEach
    void pacerIsQuiet() throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline
                && (pacer.stats().callsInProgress() > 0 || pacer.liveDialogs() > 1 || pacer.relay().portsInUse() > 1)) {
            Thread.sleep(50);
        }
        pacer.awaitIdle(2_000);
        assertEquals(0, pacer.stats().callsInProgress(), "a call of an earlier test is still in progress");
        assertEquals(1, pacer.stats().agentSessionsUp(), "the agent's session is not up");
        assertEquals(1, pacer.liveDialogs(), "only the agent's session may be left");
    }

    private static Sipp carrier(int campaign, int calls, String... extra) throws Exception {
        String transport = campaign == TCP_CAMPAIGN ? "tcp" : "udp";
        // The trunk's address is fixed, so the carrier must get this port: the previous test's SIPp may still be
        // letting go of it, so try again for a few seconds before calling it a failure.
        for (int attempt = 1; ; attempt++) {
            Sipp sipp = Sipp.uas(SCENARIOS[campaign - 1], carrierPorts[campaign], Sipp.freeMediaPort(), calls, extra);
            if (sipp.listening(carrierPorts[campaign], transport)) {
                return sipp;
            }
            sipp.close();
            if (attempt == 10) {
                return sipp.awaitListening(carrierPorts[campaign], transport);
            }
            Thread.sleep(500);
        }
    }

    /** Dials one call on {@code campaign}'s trunk and waits until it was answered, ended, and SIPp is content. */
    private static void answeredAndEnded(Sipp carrier, int campaign) throws Exception {
        long id = dial(campaign, 20_000);
        assertNotNull(core.awaitEvent("answered " + id, 5_000), "call " + id + " not answered");
        assertNotNull(core.awaitEvent("ended " + id, 5_000), "call " + id + " not ended");
        assertEquals(0, carrier.awaitExit(10_000), carrier.output());
    }

    private static long dial(int campaign, long ringTimeoutMillis) {
        long id = callIds.incrementAndGet();
        telephony.dial(id, campaign, id, "+1555000" + id, null, ringTimeoutMillis);
        return id;
    }

    @Test
    void answeredCallIsBridgedToTheAgentAndHungUpByPacer() throws Exception {
        long bridgesBefore = pacer.stats().bridges();
        long timedBefore = pacer.answerToBridge().totalAnswerToBridge().getTotalCount();
        try (Sipp carrier = carrier(1, 1)) {
            long id = dial(1, 20_000);
            assertNotNull(core.awaitEvent("ringing " + id, 5_000));
            assertNotNull(core.awaitEvent("answered " + id, 5_000));
            assertNotNull(core.awaitEvent("ended " + id, 5_000));
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
        assertEquals(bridgesBefore + 1, pacer.stats().bridges());
        assertEquals(timedBefore + 1, pacer.answerToBridge().totalAnswerToBridge().getTotalCount());
    }

    @Test
    void busyIsReportedAsBusy() throws Exception {
        try (Sipp carrier = carrier(2, 1)) {
            long id = dial(2, 20_000);
            assertEquals("failed " + id + " BUSY", core.awaitEvent("failed " + id, 5_000));
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
    }

    @Test
    void ringTimeoutCancelsAndReportsNoAnswer() throws Exception {
        try (Sipp carrier = carrier(3, 1)) {
            long id = dial(3, 500);
            assertNotNull(core.awaitEvent("ringing " + id, 5_000));
            assertEquals("failed " + id + " NO_ANSWER", core.awaitEvent("failed " + id, 5_000));
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
    }

    @Test
    void ringTimeCountsFromThe180NotFromTheInviteAfterAPostDialDelay() throws Exception {
        try (Sipp carrier = carrier(POST_DIAL_DELAY_CAMPAIGN, 1)) {
            long id = dial(POST_DIAL_DELAY_CAMPAIGN, RING_MILLIS);
            assertNotNull(core.awaitEvent("ringing " + id, 10_000), "the 180 after the post-dial delay");
            assertEquals("failed " + id + " NO_ANSWER", core.awaitEvent("failed " + id, 25_000));
            // SIPp fails the call if the CANCEL comes less than 3.5 s after its 180, sent 2 s after the INVITE (see
            // the scenario): a ring time counted from the INVITE would cancel 2 s after the 180.
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
            long rangMillis = (core.eventNanos("failed " + id + " NO_ANSWER") - core.eventNanos("ringing " + id))
                    / 1_000_000;
            assertTrue(rangMillis >= RING_MILLIS, "rang " + rangMillis + " ms after the 180, less than " + RING_MILLIS);
        }
    }

    @Test
    void dialsQueuedForTheCallsPerSecondCapRingTheirFullTimeAndAQueuedCancelGoesBackUntouched() throws Exception {
        long invitesBefore = pacer.stats().invitesSent();
        long placedBefore = core.placed();
        long noAnswerBefore = core.failed(CallOutcome.NO_ANSWER);
        try (Sipp carrier = carrier(ONE_PER_SECOND_CAMPAIGN, 3)) {
            long[] ids = {dial(ONE_PER_SECOND_CAMPAIGN, RING_MILLIS), dial(ONE_PER_SECOND_CAMPAIGN, RING_MILLIS),
                    dial(ONE_PER_SECOND_CAMPAIGN, RING_MILLIS)};
            long queued = dial(ONE_PER_SECOND_CAMPAIGN, RING_MILLIS);
            // The engine gives up on the fourth while it still waits for the budget: no INVITE, no outcome.
            telephony.cancel(queued);
            assertEquals("notplaced " + queued + " 0", core.awaitEvent("notplaced " + queued, 5_000));
            for (long id : ids) {
                assertEquals("failed " + id + " NO_ANSWER", core.awaitEvent("failed " + id, 25_000));
            }
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
            for (long id : ids) {
                long rangMillis = (core.eventNanos("failed " + id + " NO_ANSWER") - core.eventNanos("ringing " + id))
                        / 1_000_000;
                assertTrue(rangMillis >= RING_MILLIS, "call " + id + " rang " + rangMillis + " ms: its queueing ate ring time");
            }
            long thirdRangAfterDialMillis = (core.eventNanos("ringing " + ids[2]) - core.eventNanos("ringing " + ids[0]))
                    / 1_000_000;
            assertTrue(thirdRangAfterDialMillis >= 1_500, "the third INVITE was not held back by the cap: "
                    + thirdRangAfterDialMillis + " ms");
        }
        assertEquals(invitesBefore + 3, pacer.stats().invitesSent(), "the cancelled queued dial sent an INVITE");
        assertEquals(placedBefore + 3, core.placed(), "the engine hears of a placed call for each INVITE sent, and only then");
        assertEquals(noAnswerBefore + 3, core.failed(CallOutcome.NO_ANSWER), "the queued dial was booked NO_ANSWER");
    }

    @Test
    void aDialOnAFullTrunkGoesBackNotPlacedWithoutAnInvite() throws Exception {
        long invitesBefore = pacer.stats().invitesSent();
        long placedBefore = core.placed();
        try (Sipp carrier = carrier(ONE_CHANNEL_CAMPAIGN, 1)) {
            long ringing = dial(ONE_CHANNEL_CAMPAIGN, 1_000);
            assertNotNull(core.awaitEvent("ringing " + ringing, 5_000));
            assertEquals(0, pacer.trunks().get(ONE_CHANNEL_CAMPAIGN - 1).channelsFree());
            long refused = dial(ONE_CHANNEL_CAMPAIGN, 1_000);
            assertEquals("notplaced " + refused + " " + 1_000, core.awaitEvent("notplaced " + refused, 5_000),
                    "the engine holds the campaign's dials for a second while the trunk is full");
            assertEquals("failed " + ringing + " NO_ANSWER", core.awaitEvent("failed " + ringing, 5_000));
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
        assertEquals(invitesBefore + 1, pacer.stats().invitesSent(), "the refused dial sent an INVITE");
        assertEquals(placedBefore + 1, core.placed(), "the refused dial was reported placed");
        assertEquals(1, pacer.trunks().get(ONE_CHANNEL_CAMPAIGN - 1).channelsFree());
    }

    @Test
    void dialsQueuedLongerThanTheirRingTimeGoBackUntouched() throws Exception {
        long invitesBefore = pacer.stats().invitesSent();
        try (Sipp carrier = carrier(ONE_PER_SECOND_CAMPAIGN, 1)) {
            // Let the one-per-second budget fill up again after any earlier test on this trunk.
            Thread.sleep(1_100);
            long sent = dial(ONE_PER_SECOND_CAMPAIGN, 500);
            long second = dial(ONE_PER_SECOND_CAMPAIGN, 500);
            long third = dial(ONE_PER_SECOND_CAMPAIGN, 500);
            // The budget has a token again only after a second, longer than their 500 ms ring time: no INVITE.
            assertEquals("notplaced " + second + " 0", core.awaitEvent("notplaced " + second, 5_000));
            assertEquals("notplaced " + third + " 0", core.awaitEvent("notplaced " + third, 5_000));
            // The sent call rang its 500 ms and was cancelled, likely before the two came back: look it up.
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
            long deadline = System.currentTimeMillis() + 5_000;
            while (core.eventNanos("failed " + sent + " NO_ANSWER") == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertNotNull(core.eventNanos("failed " + sent + " NO_ANSWER"), "the sent call was not booked NO_ANSWER");
        }
        assertEquals(invitesBefore + 1, pacer.stats().invitesSent(), "a dial that waited out its ring time was sent");
    }

    @Test
    void aDialOnATrunkThatIsDownGoesBackNotPlaced() throws Exception {
        long invitesBefore = pacer.stats().invitesSent();
        long id = dial(DOWN_CAMPAIGN, RING_MILLIS);
        assertEquals("notplaced " + id + " 5000", core.awaitEvent("notplaced " + id, 5_000),
                "a TCP trunk that refuses the connection took no call: the dial goes back, the campaign waits 5 s");
        assertEquals(invitesBefore, pacer.stats().invitesSent());
        pacer.awaitIdle(2_000);
        assertEquals(1, pacer.liveDialogs(), "the INVITE that never left must leave no dialog behind");
        assertEquals(0, pacer.stats().callsInProgress());
    }

    @Test
    void serviceUnavailableFailsAndBacksTheTrunkOffWithoutChargingTheNextDial() throws Exception {
        try (Sipp carrier = carrier(4, 1)) {
            long id = dial(4, 20_000);
            assertEquals("failed " + id + " FAILURE", core.awaitEvent("failed " + id, 5_000));
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
        long refusedBefore = pacer.stats().refusedByTrunk();
        long id = dial(4, 20_000);
        String notPlaced = core.awaitEvent("notplaced " + id, 5_000);
        assertNotNull(notPlaced, "a dial during the back-off must go back to the engine untouched, not fail");
        long holdMillis = Long.parseLong(notPlaced.split(" ")[2]);
        assertTrue(holdMillis > 50_000 && holdMillis <= 60_000, "the engine holds for the Retry-After: " + holdMillis);
        assertEquals(refusedBefore + 1, pacer.stats().refusedByTrunk(), "Retry-After: 60 must stop new INVITEs");
        assertEquals(1, pacer.trunks().get(3).backingOff(), "trunk4 must show its back-off");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        pacer.bindTrunkGaugesTo(registry);
        assertEquals(1.0, registry.get("pacer.trunk.backoff").tag("trunk", "trunk4").gauge().value());
        assertEquals(0.0, registry.get("pacer.trunk.backoff").tag("trunk", "trunk1").gauge().value());
        assertEquals(1000.0, registry.get("pacer.trunk.channels.free").tag("trunk", "trunk4").gauge().value());
    }

    @Test
    void earlyMediaCountsAsRingingThenAnswers() throws Exception {
        try (Sipp carrier = carrier(5, 1)) {
            long id = dial(5, 20_000);
            assertNotNull(core.awaitEvent("ringing " + id, 5_000));
            assertNotNull(core.awaitEvent("answered " + id, 5_000));
            assertNotNull(core.awaitEvent("ended " + id, 5_000));
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
    }

    @Test
    void carrierHangUpEndsTheCallAndKeepsTheAgentSession() throws Exception {
        try (Sipp carrier = carrier(6, 1)) {
            answeredAndEnded(carrier, 6);
        }
        assertEquals(1, pacer.stats().agentSessionsUp());
    }

    @Test
    void reInviteAndUpdateFromTheCarrierAreAnswered() throws Exception {
        long before = pacer.stats().refreshes();
        try (Sipp carrier = carrier(7, 1)) {
            long id = dial(7, 20_000);
            assertNotNull(core.awaitEvent("answered " + id, 5_000));
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
        assertEquals(before + 2, pacer.stats().refreshes());
    }

    @Test
    void carrierAnsweringWithAProbabilityGivesAnswersAndBusies() throws Exception {
        int calls = 20;
        long answeredBefore = core.answered();
        long busyBefore = core.failed(CallOutcome.BUSY);
        try (Sipp carrier = carrier(8, calls)) {
            for (int i = 0; i < calls; i++) {
                dial(8, 20_000);
                Thread.sleep(20);
            }
            assertEquals(0, carrier.awaitExit(20_000), carrier.output());
        }
        pacer.awaitIdle(2_000);
        long answered = core.answered() - answeredBefore;
        long busy = core.failed(CallOutcome.BUSY) - busyBefore;
        assertEquals(calls, answered + busy);
        assertTrue(answered > 0 && busy > 0, "answered " + answered + ", busy " + busy);
    }

    @Test
    void relayForwardsMediaBetweenCustomerAndAgent() throws Exception {
        long forwardedBefore = pacer.relay().packetsForwarded();
        long timedBefore = pacer.answerToBridge().totalAnswerToFirstMedia().getTotalCount();
        StandInCore longTalk = core;
        try (Sipp carrier = carrier(9, 1)) {
            long id = dial(9, 20_000);
            assertNotNull(longTalk.awaitEvent("answered " + id, 5_000));
            assertNotNull(longTalk.awaitEvent("ended " + id, 5_000));
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
        long forwarded = pacer.relay().packetsForwarded() - forwardedBefore;
        assertTrue(forwarded >= 10, "relay forwarded " + forwarded + " packets; stats: received "
                + pacer.relay().packetsReceived() + ", not bridged " + pacer.relay().packetsNotBridged()
                + ", unexpected " + pacer.relay().packetsUnexpected());
        assertEquals(timedBefore + 1, pacer.answerToBridge().totalAnswerToFirstMedia().getTotalCount());
    }

    @Test
    void tcpTrunkCarriesACall() throws Exception {
        try (Sipp carrier = carrier(TCP_CAMPAIGN, 1, "-t", "t1")) {
            answeredAndEnded(carrier, TCP_CAMPAIGN);
        }
    }

    @Test
    void digestChallengeFromTheTrunkIsAnswered() throws Exception {
        try (Sipp carrier = carrier(AUTH_CAMPAIGN, 1)) {
            long id = dial(AUTH_CAMPAIGN, 20_000);
            assertNotNull(core.awaitEvent("answered " + id, 5_000), "the INVITE with credentials was refused");
            assertNotNull(core.awaitEvent("ended " + id, 5_000));
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
    }

    @Test
    void hundredsOfCallsLeaveNoDialogsOrCallsBehind() throws Exception {
        int calls = 300;
        // Earlier tests' unanswered calls keep their INVITE transactions for Timer D (32 s), as they must, to ACK
        // a final response the carrier sends again: this test's calls may only leave no more than that behind.
        long workerErrorsBefore = pacer.stats().workerErrors();
        int clientTransactionsBefore = pacer.liveClientTransactions();
        int serverTransactionsBefore = pacer.liveServerTransactions();
        try (Sipp carrier = carrier(LOAD_CAMPAIGN, calls)) {
            for (int i = 0; i < calls; i++) {
                dial(LOAD_CAMPAIGN, 20_000);
                if (i % 10 == 9) {
                    Thread.sleep(20);
                }
            }
            assertEquals(0, carrier.awaitExit(60_000), carrier.output());
        }
        // A finished call leaves nothing in the stack: its transactions end with it and its dialog goes at once
        // (no linger), so the stack is back to the agent's session within moments, not after Timer J's 32 s.
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline && (pacer.liveDialogs() > 1 || pacer.stats().callsInProgress() > 0
                || pacer.liveClientTransactions() > clientTransactionsBefore
                || pacer.liveServerTransactions() > serverTransactionsBefore)) {
            Thread.sleep(250);
        }
        assertEquals(0, pacer.stats().callsInProgress());
        assertEquals(1, pacer.liveDialogs(), "only the agent's session may stay");
        assertTrue(pacer.liveClientTransactions() <= clientTransactionsBefore,
                "client transactions left: " + pacer.liveClientTransactions() + ", before " + clientTransactionsBefore);
        assertTrue(pacer.liveServerTransactions() <= serverTransactionsBefore,
                "server transactions left: " + pacer.liveServerTransactions() + ", before " + serverTransactionsBefore);
        assertEquals(workerErrorsBefore, pacer.stats().workerErrors());
        assertEquals(1, pacer.relay().portsInUse(), "only the agent's relay port may stay in use");
    }

    @Test
    void a2xxSentAgainAfterTheAckIsAckedAgain() throws Exception {
        // Pacer ends its INVITE transaction as soon as it has ACKed the 200; a carrier that missed the ACK sends
        // the 200 again, and the dialog must still answer it, or the carrier would tear the call down.
        try (Sipp carrier = carrier(ACK_LOST_CAMPAIGN, 1, "-nr")) {
            answeredAndEnded(carrier, ACK_LOST_CAMPAIGN);
        }
    }

    @Test
    void aByeSentAgainAfterTheCallEndedGets481AndEndsNothingTwice() throws Exception {
        // Pacer answers the carrier's BYE statelessly and forgets the call at once. A BYE sent again (the carrier
        // missed the 200) finds no dialog: 481, which ends the dialog for the carrier too (RFC 3261 15.1.1).
        long endedBefore = core.ended();
        long workerErrorsBefore = pacer.stats().workerErrors();
        // Other tests' server transactions (a re-INVITE's, say) may expire meanwhile, never be added: at most.
        long serverTransactionsBefore = pacer.liveServerTransactions();
        try (Sipp carrier = carrier(BYE_AGAIN_CAMPAIGN, 1)) {
            answeredAndEnded(carrier, BYE_AGAIN_CAMPAIGN);
        }
        assertEquals(endedBefore + 1, core.ended(), "the call must end exactly once");
        assertTrue(pacer.liveServerTransactions() <= serverTransactionsBefore, "the BYEs left server transactions: "
                + pacer.liveServerTransactions() + ", before " + serverTransactionsBefore);
        assertEquals(workerErrorsBefore, pacer.stats().workerErrors());
    }
}
