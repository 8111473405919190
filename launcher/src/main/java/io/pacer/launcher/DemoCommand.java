package io.pacer.launcher;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.StartupHeap;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.port.CallJournal;
import io.pacer.pacing.DialMode;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.loopback.MadeUpContacts;
import io.pacer.loopback.LoopbackWorld;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code pacer demo [--seconds N] [--agents N]}: the real engine and the real SIP adapter, on embedded
 * defaults, dialling a virtual carrier and bridging to virtual agents over SIP and RTP on 127.0.0.1, with a
 * status line every second.
 */
public final class DemoCommand {

    private static final int CAMPAIGN = 1;

    private DemoCommand() {
    }

    /** Runs the demo; returns the exit code (0 ok, 1 failure, 2 bad usage). */
    public static int run(String[] args) {
        int seconds = 60;
        int agents = 20;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--agents" -> agents = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                }
            }
        } catch (RuntimeException e) {
            System.err.println("pacer demo: " + e.getMessage() + "\nusage: pacer demo [--seconds N] [--agents N]");
            return 2;
        }
        // Short rings, talks and wrap-ups, and many quick busy answers, so that predictive pacing leaves its
        // progressive warm-up within seconds and a minute shows it at work: 30% answer after about 4 s, 35%
        // busy, the rest ring until the 15 s ring timeout.
        CarrierProfile customers = new CarrierProfile(0.30, 0.35, LongSampler.lognormal(4_000, 0.5),
                LongSampler.exponential(10_000));
        LoopbackWorld.Settings settings = new LoopbackWorld.Settings(agents, CAMPAIGN, customers,
                LongSampler.exponential(3_000), 42);
        CampaignConfig campaign = new CampaignConfig(CAMPAIGN, "demo", DialMode.PREDICTIVE, 1.0, 0.0, 0.03,
                CampaignConfig.MIN_RING_TIMEOUT_MILLIS, 2_000, 1_000, "+15550100");
        try (LoopbackWorld world = new LoopbackWorld(settings);
             Pacer pacer = Pacer.builder().sip(LoopbackSipConfig.of(world))
                     .contacts(new MadeUpContacts(), CallJournal.NONE).campaign(campaign).start()) {
            world.start(pacer.sip().sipPort());
            StartupHeap.settle();
            System.out.printf("pacer demo: %d virtual agents, virtual carrier on 127.0.0.1:%d, Pacer SIP on 127.0.0.1:%d%n",
                    agents, world.carrier().sipPort(), pacer.sip().sipPort());
            EngineRing engine = pacer.ring();
            for (int t = 1; t <= seconds; t++) {
                Thread.sleep(1_000);
                CampaignStats s = engine.query(core -> core.stats(CAMPAIGN)).get(2, TimeUnit.SECONDS);
                Histogram bridge = pacer.sip().answerToBridge().totalAnswerToBridge();
                System.out.printf("%3ds agents ready %2d on-call %2d wrap %2d | in flight %3d waiting %2d"
                                + " | ratio %.2f/%.2f | dials %5d answers %4d connects %4d abandons %3d (%.1f%%)"
                                + " | answer-to-bridge p99 %s%n",
                        t, s.agentsReady(), s.agentsOnCall(), s.agentsWrapUp(), s.callsRinging(),
                        s.callsWaitingForAgent(), s.callsPerReadyAgent(), s.callsPerWrapAgent(), s.dials(),
                        s.answers(), s.connects(), s.abandons(), 100 * s.abandonRate(),
                        bridge.getTotalCount() == 0 ? "-" : String.format("%.0f us", bridge.getValueAtPercentile(99) / 1e3));
            }
            engine.submit(core -> core.setRunning(CAMPAIGN, false));
            System.out.printf("pacer demo: done; SIP dialogs alive %d, relay packets forwarded %d%n",
                    pacer.sip().liveDialogs(), pacer.sip().relay().packetsForwarded());
            return 0;
        } catch (Exception e) {
            System.err.println("pacer demo: " + e);
            return 1;
        }
    }
}
