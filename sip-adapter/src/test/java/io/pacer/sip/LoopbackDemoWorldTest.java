package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.sip.loopback.CarrierProfile;
import io.pacer.sip.loopback.LongSampler;
import io.pacer.sip.loopback.LoopbackDemoWorld;
import io.pacer.sip.loopback.StandInCore;
import org.junit.jupiter.api.Test;

/** The demo's virtual carrier and agents talk real SIP and RTP to Pacer, and every call gets an outcome. */
class LoopbackDemoWorldTest {

    @Test
    void virtualAgentsLogInAndVirtualCustomersAnswerRingAndRefuse() throws Exception {
        CarrierProfile profile = new CarrierProfile(0.7, 0.2, LongSampler.uniform(50, 150), LongSampler.fixed(300));
        LoopbackDemoWorld.Settings settings = new LoopbackDemoWorld.Settings(3, 1, profile, LongSampler.fixed(50), 7);
        try (StandInCore core = new StandInCore(0, true);
             LoopbackDemoWorld world = LoopbackDemoWorld.create(settings)) {
            core.attach(world.telephony());
            world.start(core);
            long deadline = System.currentTimeMillis() + 5_000;
            while (core.logins() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(3, world.agents().registered());
            assertEquals(3, core.logins());

            // Preview over the session: Pacer sends "preview <contact> <number>", the phone answers "accept <contact>".
            world.telephony().offerPreview(1, 77, "+15550077");
            assertNotNull(core.awaitEvent("preview 1 77 ACCEPT", 5_000), "the preview offer was not answered");

            int calls = 30;
            for (int i = 1; i <= calls; i++) {
                world.telephony().dial(i, 1, i, "+1555100" + i, null, 1_000);
                Thread.sleep(30);
            }
            deadline = System.currentTimeMillis() + 10_000;
            while (core.ended() + core.failedTotal() < calls && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(calls, core.ended() + core.failedTotal(), "every call ends exactly once");
            assertEquals(core.answered(), core.ended());
            assertEquals(world.carrier().answered(), core.answered());
            assertTrue(core.failed(CallOutcome.BUSY) > 0, "some customers are busy");
            assertTrue(core.failed(CallOutcome.NO_ANSWER) > 0, "some customers never answer");
            assertTrue(world.carrier().rtpReceived() > 0, "agent audio reached the customer through the relay");
            assertTrue(world.server().answerToBridge().totalAnswerToBridge().getTotalCount() > 0);
        }
    }
}
