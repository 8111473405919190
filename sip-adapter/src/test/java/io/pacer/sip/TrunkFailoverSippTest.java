package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.CallRecord;
import io.pacer.pacing.DialMode;
import io.pacer.sip.stack.SipConfig;
import io.pacer.sip.stack.TrunkProbeSettings;
import io.pacer.sip.trunk.TrunkGauges;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Several trunks per campaign, end to end: the real engine paces through Pacer's SIP adapter to two SIPp carriers
 * on different ports. The preferred one dies mid-run: its OPTIONS probes fail, it is marked down, the calls go on
 * through the other, and INVITEs it never answered fail over; it comes back, its probes are answered, it is up and
 * takes calls again. No contact is charged an attempt for an INVITE that got no answer: every contact ends with
 * exactly one record.
 */
class TrunkFailoverSippTest {

    private static final int CAMPAIGN = 3;

    @Test
    void aCarrierThatDiesIsProbedDownItsCallsGoToTheOtherAndItTakesCallsAgainOnceUp() throws Exception {
        int preferredPort = Sipp.freePort();
        int backupPort = Sipp.freePort();
        // Down after three probes in a row go unanswered: on a loaded machine a live carrier's answer may miss one.
        TrunkProbeSettings probe = new TrunkProbeSettings(400, 3, 2);
        SipConfig config = new SipConfig("127.0.0.1", Sipp.freePort(), 1, 24000, 24999, 1, "PCMU", "login", false, 0,
                List.of(trunk("preferred", preferredPort, 1, probe), trunk("backup", backupPort, 2, probe)), List.of());
        int listSize = 60;
        ListSupply contacts = new ListSupply();
        RecordingJournal journal = new RecordingJournal();
        contacts.load(CAMPAIGN, 5_000, listSize);
        PacerSipServer pacer = new PacerSipServer(config);
        EngineRing engine = new EngineRing(new EngineLimits(16, 256, 4, 50), SystemClock.INSTANCE, pacer.telephony(),
                contacts, journal, 1024);
        try (Sipp backup = carrier("carrier-ring-busy-probed.xml", backupPort)) {
            pacer.start(engine);
            TrunkGauges preferred = pacer.trunks().get(0);
            TrunkGauges backupTrunk = pacer.trunks().get(1);
            try (Sipp first = carrier("carrier-busy-probed.xml", preferredPort)) {
                CampaignConfig campaign = new CampaignConfig(CAMPAIGN, "failover", DialMode.POWER, 2.0, 0.0, 0.03,
                        15_000, 2_000, 100, null);
                engine.command(core -> core.upsertCampaign(campaign));
                for (int agent = 0; agent < 10; agent++) {
                    engine.agentLogin(agent, CAMPAIGN);
                }
                awaitAtLeast(5, preferred::invitesSent, 10_000, "the preferred carrier took no calls");
                assertEquals(0, backupTrunk.invitesSent(), "the backup was used while the preferred one was up");
            }
            // The preferred carrier's process is gone mid-run: its probes fail and it is marked down.
            awaitAtLeast(1, () -> pacer.stats().trunksMarkedDown(), 10_000, "the dead carrier was not marked down");
            assertEquals(0, preferred.up(), "down " + pacer.stats().trunksMarkedDown() + " up " + pacer.stats().trunksMarkedUp());
            long toDeadCarrier = preferred.invitesSent();
            awaitAtLeast(3, backupTrunk::invitesSent, 10_000, "the calls did not go on through the backup");
            assertEquals(toDeadCarrier, preferred.invitesSent(), "an INVITE went to a trunk marked down");
            assertTrue(journal.of(CAMPAIGN).size() < listSize, "the list ended before the carrier came back");
            try (Sipp back = carrier("carrier-busy-probed.xml", preferredPort)) {
                awaitAtLeast(1, () -> pacer.stats().trunksMarkedUp(), 10_000, "the carrier back was not marked up");
                // Preferred again once up: new calls go to it.
                awaitAtLeast(toDeadCarrier + 3, preferred::invitesSent, 10_000, "no calls came back to the carrier");
                // INVITEs the dead carrier never answered time out (32 s) and fail over: wait for the whole list.
                journal.await(CAMPAIGN, listSize, 60_000);
            }
            List<CallRecord> records = journal.of(CAMPAIGN);
            assertEquals(listSize, records.size(), journal.describe());
            assertTrue(records.stream().allMatch(r -> r.outcome == CallOutcome.BUSY), journal.describe());
            for (long id = 5_000; id < 5_000 + listSize; id++) {
                long contact = id;
                assertEquals(1, records.stream().filter(r -> r.contactId == contact).count(),
                        "contact " + contact + " must have exactly one attempt: " + journal.describe());
            }
            CampaignStats stats = engine.query(core -> core.stats(CAMPAIGN)).get(5, TimeUnit.SECONDS);
            assertEquals(listSize, stats.dials(), "the engine counted a dial that was never placed");
            assertEquals(stats.busy(), listSize);
            // Every INVITE is accounted for: one answered per contact, the rest failed over after getting nothing.
            assertEquals(preferred.invitesSent() + backupTrunk.invitesSent(), listSize + pacer.stats().failovers(),
                    "INVITEs beyond one per contact and one per failover");
        } finally {
            pacer.close();
            engine.close();
        }
    }

    private static SipConfig.TrunkConfig trunk(String name, int port, int priority, TrunkProbeSettings probe) {
        return new SipConfig.TrunkConfig(name, "127.0.0.1", port, "udp", null, 0, null, null, "pacer", 100, 5,
                List.of()).withRouting(priority, 1, probe);
    }

    private static void awaitAtLeast(long n, LongSupplier value, long timeoutMillis, String message) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (value.getAsLong() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(value.getAsLong() >= n, message);
    }

    /** A carrier for as many calls and probes as come, until the test closes it. */
    private static Sipp carrier(String scenario, int port) throws Exception {
        return Sipp.uas(scenario, port, Sipp.freeMediaPort(), 100_000).awaitListening(port);
    }
}
