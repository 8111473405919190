package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.pacing.DialMode;
import io.pacer.sip.stack.SipConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admission that never costs a contact, end to end: the real engine on its ring paces real dials through Pacer's
 * SIP adapter to SIPp carriers, with a counting contact supply and journal in place of storage. Whatever the
 * trunk refuses (503 back-off, channel cap) must come back to the supply untouched, so that every attempt in the
 * journal is an INVITE the carrier saw, and every contact ends with exactly one.
 */
class TrunkAdmissionSippTest {

    private static final int CONGESTED_CAMPAIGN = 1;
    private static final int CAPPED_CAMPAIGN = 2;
    private static final int CAPPED_CHANNELS = 2;

    private static final Contacts contacts = new Contacts();
    private static final Journal journal = new Journal();
    private static int congestedPort;
    private static int cappedPort;
    private static PacerSipServer pacer;
    private static EngineRing engine;

    @BeforeAll
    static void startPacerAndEngine() throws Exception {
        Sipp.binary();
        congestedPort = Sipp.freePort();
        cappedPort = Sipp.freePort();
        SipConfig config = new SipConfig("127.0.0.1", Sipp.freePort(), 1, 24000, 24999, 1, "PCMU", "login", false, 0,
                List.of(new SipConfig.TrunkConfig("congested", "127.0.0.1", congestedPort, "udp", null, 0, null, null,
                                "+15550100", 1000, 1000, List.of(CONGESTED_CAMPAIGN)),
                        new SipConfig.TrunkConfig("capped", "127.0.0.1", cappedPort, "udp", null, 0, null, null,
                                "+15550100", CAPPED_CHANNELS, 1000, List.of(CAPPED_CAMPAIGN))),
                List.of());
        pacer = new PacerSipServer(config);
        engine = new EngineRing(new EngineLimits(16, 256, 4, 50), SystemClock.INSTANCE, pacer.telephony(), contacts,
                journal, 1024);
        pacer.start(engine);
    }

    @AfterAll
    static void stop() {
        if (pacer != null) {
            pacer.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aBackOffAfter503RetryAfterChargesNoContactAndDiallingRecoversAfterIt() throws Exception {
        int listSize = 12;
        contacts.load(CONGESTED_CAMPAIGN, 1_000, listSize);
        long invitesBefore = pacer.stats().invitesSent();
        try (Sipp congested = carrier("carrier-congested.xml", congestedPort, 1)) {
            // One ready agent, progressive: one call at a time, so the 503's Retry-After meets the next dial.
            startCampaign(CONGESTED_CAMPAIGN, DialMode.PROGRESSIVE, 1.0, 0);
            assertEquals(0, congested.awaitExit(10_000), congested.output());
        }
        // The carrier recovers within its 3 s Retry-After; every later call is busy, which keeps the agent ready.
        try (Sipp recovered = carrier("carrier-busy.xml", congestedPort, listSize - 1)) {
            journal.await(CONGESTED_CAMPAIGN, listSize, 20_000);
            assertEquals(0, recovered.awaitExit(10_000), recovered.output());
        }
        List<CallRecord> records = journal.of(CONGESTED_CAMPAIGN);
        assertEquals(CallOutcome.FAILURE, records.get(0).outcome, "the call that got the 503 is the one failure");
        assertTrue(records.stream().skip(1).allMatch(r -> r.outcome == CallOutcome.BUSY), journal.describe());
        // The engine saw the trunk back off and took no contact for 3 s: the next attempt waited out Retry-After.
        long waitedMillis = (records.get(1).endNanos - records.get(0).endNanos) / 1_000_000;
        assertTrue(waitedMillis >= 2_900, "the attempt after the 503 came " + waitedMillis + " ms later, within Retry-After");
        assertEquals(0, contacts.givenBack(CONGESTED_CAMPAIGN), "a contact was taken during the back-off");
        assertEveryContactOnceAndEveryAttemptAnInvite(CONGESTED_CAMPAIGN, 1_000, listSize, invitesBefore);
    }

    @Test
    void pacingAsksAFullTrunkForNoMoreThanItsChannelsAndChargesNoContact() throws Exception {
        int listSize = 8;
        contacts.load(CAPPED_CAMPAIGN, 2_000, listSize);
        long invitesBefore = pacer.stats().invitesSent();
        long refusedBefore = pacer.stats().refusedByTrunk();
        try (Sipp carrier = carrier("carrier-ring-busy.xml", cappedPort, listSize)) {
            // Power dialling at four calls per ready agent wants twice what the trunk's two channels take.
            startCampaign(CAPPED_CAMPAIGN, DialMode.POWER, 4.0, 1);
            journal.await(CAPPED_CAMPAIGN, listSize, 30_000);
            assertEquals(0, carrier.awaitExit(10_000), carrier.output());
        }
        assertTrue(journal.of(CAPPED_CAMPAIGN).stream().allMatch(r -> r.outcome == CallOutcome.BUSY), journal.describe());
        // The engine reads the trunk's free channels before it takes a contact: it never asked for a third call.
        assertEquals(refusedBefore, pacer.stats().refusedByTrunk(), "pacing asked a full trunk for a call");
        assertEquals(0, contacts.givenBack(CAPPED_CAMPAIGN), "a contact was taken only to be handed back");
        assertEveryContactOnceAndEveryAttemptAnInvite(CAPPED_CAMPAIGN, 2_000, listSize, invitesBefore);
    }

    private static void assertEveryContactOnceAndEveryAttemptAnInvite(int campaign, long firstContact, int listSize,
                                                                     long invitesBefore) throws Exception {
        List<CallRecord> records = journal.of(campaign);
        assertEquals(listSize, records.size(), journal.describe());
        for (long id = firstContact; id < firstContact + listSize; id++) {
            long contact = id;
            assertEquals(1, records.stream().filter(r -> r.contactId == contact).count(),
                    "contact " + contact + " must have exactly one attempt: " + journal.describe());
        }
        // Both tests share the adapter, but each runs alone: the INVITEs since its start are its own.
        assertEquals(listSize, pacer.stats().invitesSent() - invitesBefore, "an attempt without an INVITE");
        CampaignStats stats = engine.query(core -> core.stats(campaign)).get(5, TimeUnit.SECONDS);
        assertEquals(listSize, stats.dials(), "the engine counted a dial that was never placed");
    }

    private static void startCampaign(int campaign, DialMode mode, double callsPerReadyAgent, int agentId) {
        CampaignConfig config = new CampaignConfig(campaign, "admission " + campaign, mode, callsPerReadyAgent, 0.0,
                0.03, 15_000, 2_000, 100, null);
        engine.command(core -> core.upsertCampaign(config));
        engine.agentLogin(agentId, campaign);
    }

    private static Sipp carrier(String scenario, int port, int calls) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Sipp sipp = Sipp.uas(scenario, port, Sipp.freeMediaPort(), calls);
            if (sipp.listening(port, "udp")) {
                return sipp;
            }
            sipp.close();
            if (attempt == 10) {
                return sipp.awaitListening(port);
            }
            Thread.sleep(200);
        }
    }

    /** Contacts per campaign, due in order; a contact handed back is due again first, as the hopper's would be. */
    private static final class Contacts implements ContactSupply {
        private final Map<Integer, ConcurrentLinkedDeque<Long>> due = new ConcurrentHashMap<>();
        private final Map<Integer, AtomicInteger> givenBack = new ConcurrentHashMap<>();

        void load(int campaign, long first, int count) {
            ConcurrentLinkedDeque<Long> list = due.computeIfAbsent(campaign, c -> new ConcurrentLinkedDeque<>());
            for (long id = first; id < first + count; id++) {
                list.addLast(id);
            }
        }

        int givenBack(int campaign) {
            AtomicInteger n = givenBack.get(campaign);
            return n == null ? 0 : n.get();
        }

        @Override
        public boolean next(int campaignId, long epochMillis, ContactSlot out) {
            ConcurrentLinkedDeque<Long> list = due.get(campaignId);
            Long id = list == null ? null : list.pollFirst();
            if (id == null) {
                return false;
            }
            out.contactId = id;
            out.number = "+1555" + id;
            return true;
        }

        @Override
        public void giveBack(int campaignId, long contactId) {
            givenBack.computeIfAbsent(campaignId, c -> new AtomicInteger()).incrementAndGet();
            due.get(campaignId).addFirst(contactId);
        }
    }

    /** Copies of the records the engine journals, per campaign, in order. */
    private static final class Journal implements CallJournal {
        private final Map<Integer, List<CallRecord>> byCampaign = new ConcurrentHashMap<>();

        @Override
        public void record(CallRecord r) {
            CallRecord copy = new CallRecord();
            copy.callId = r.callId;
            copy.campaignId = r.campaignId;
            copy.contactId = r.contactId;
            copy.outcome = r.outcome;
            // When the journal heard of the end, on this test's clock (the record's own times are the engine's).
            copy.endNanos = System.nanoTime();
            byCampaign.computeIfAbsent(r.campaignId, c -> new CopyOnWriteArrayList<>()).add(copy);
        }

        List<CallRecord> of(int campaign) {
            return byCampaign.getOrDefault(campaign, List.of());
        }

        void await(int campaign, int count, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (of(campaign).size() < count && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }

        String describe() {
            StringBuilder sb = new StringBuilder("journal:");
            byCampaign.forEach((c, list) -> list.forEach(r -> sb.append(' ').append(c).append('/')
                    .append(r.contactId).append('=').append(r.outcome)));
            return sb.toString();
        }
    }
}
