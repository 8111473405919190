package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.port.CallJournal;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.loopback.LoopbackWorld;
import io.pacer.loopback.MadeUpContacts;
import io.pacer.pacing.DialMode;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code pacer demo} wires, end to end: the composition root's Pacer (real core, real SIP adapter and RTP
 * relay) dialling the loopback world's virtual carrier and bridging to its virtual agents over 127.0.0.1.
 */
class DemoWiringTest {

    private static final int CAMPAIGN = 1;

    @Test
    void virtualAgentsLogInAndEveryDialledCallEndsInTheJournalWithAnswersBridged() throws Exception {
        CarrierProfile profile = new CarrierProfile(0.7, 0.2, LongSampler.uniform(50, 150), LongSampler.fixed(300));
        LoopbackWorld.Settings settings = new LoopbackWorld.Settings(3, CAMPAIGN, profile, LongSampler.fixed(50), 7);
        // The journal's records are reused slots: count them, keep none.
        AtomicLong journal = new AtomicLong();
        CallJournal recording = r -> journal.incrementAndGet();
        CampaignConfig campaign = new CampaignConfig(CAMPAIGN, "wiring", DialMode.PROGRESSIVE, 1.0, 0.0, 0.03,
                CampaignConfig.MIN_RING_TIMEOUT_MILLIS, 2_000, 10, "+15550100");
        try (LoopbackWorld world = new LoopbackWorld(settings);
             Pacer pacer = Pacer.builder().sip(LoopbackSipConfig.of(world)).contacts(new MadeUpContacts(), recording)
                     .campaign(campaign).start()) {
            world.start(pacer.sip().sipPort());
            long deadline = System.currentTimeMillis() + 20_000;
            CampaignStats s = stats(pacer);
            while ((s.agentsLoggedIn() < 3 || s.connects() < 10) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
                s = stats(pacer);
            }
            assertEquals(3, world.agents().registered());
            assertEquals(3, s.agentsLoggedIn());
            assertTrue(s.connects() >= 10, "answered calls were bridged to the virtual agents: " + s);
            pacer.control().setRunning(CAMPAIGN, false);
            deadline = System.currentTimeMillis() + 10_000;
            while (callsUp(stats(pacer)) > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            pacer.control().awaitEventsHandled(5_000);
            s = stats(pacer);
            assertEquals(0, callsUp(s), "every call ended once dialling stopped: " + s);
            assertEquals(s.dials(), journal.get(), "every dialled call is in the journal once");
            assertEquals(s.answers(), s.connects() + s.abandons(), s.toString());
            assertTrue(world.carrier().rtpReceived() > 0, "agent audio reached the customer through the relay");
            assertTrue(pacer.sip().answerToBridge().totalAnswerToBridge().getTotalCount() >= 10);
        }
    }

    private static int callsUp(CampaignStats s) {
        return s.callsRinging() + s.callsWaitingForAgent() + s.agentsOnCall();
    }

    private static CampaignStats stats(Pacer pacer) throws Exception {
        return pacer.ring().query(core -> core.stats(CAMPAIGN)).get(2, TimeUnit.SECONDS);
    }
}
