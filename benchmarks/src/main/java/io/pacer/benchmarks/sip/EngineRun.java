package io.pacer.benchmarks.sip;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.port.CallJournal;
import io.pacer.launcher.Pacer;
import io.pacer.pacing.DialMode;
import io.pacer.sip.PacerSipServer;
import io.pacer.sip.stack.SipConfig;
import io.pacer.loopback.LongSampler;
import io.pacer.loopback.MadeUpContacts;
import io.pacer.loopback.VirtualAgents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One live Pacer for the benchmark: the real engine ({@link EngineRing}: core, pacing, timers) with the real
 * SIP adapter as its telephony, a progressive campaign, and nailed-up virtual agents registered with digest.
 * The call rate is set the way an operator sets it: by the trunk's calls-per-second cap. Progressive pacing
 * keeps one call in flight per ready agent, more than the cap lets through, so the trunk's queue sets the
 * pace and the engine decides everything else (which contact, which agent, when to give up).
 */
final class EngineRun implements AutoCloseable {

    static final int CAMPAIGN = 1;

    private final Pacer assembled;
    final PacerSipServer pacer;
    final EngineRing engine;
    private final VirtualAgents agents;
    /** Live heap, in MB, once started and settled, before the first call. */
    final long settledHeapMb;

    EngineRun(int carrierPort, int rate, int agentCount, int stackThreads) throws Exception {
        List<SipConfig.AgentConfig> agentConfigs = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            agentConfigs.add(new SipConfig.AgentConfig(i, VirtualAgents.user(i), VirtualAgents.password(i), CAMPAIGN,
                    null, 0, true));
        }
        SipConfig config = new SipConfig("127.0.0.1", 0, stackThreads, 20000, 31999, 1, "PCMU", "login", false, 0,
                List.of(new SipConfig.TrunkConfig("carrier", "127.0.0.1", carrierPort, "udp", null, 0, null, null,
                        "+15550100", 100_000, rate, List.of())),
                agentConfigs);
        CampaignConfig campaign = new CampaignConfig(CAMPAIGN, "sip-benchmark", DialMode.PROGRESSIVE, 1.0, 0.0, 0.03,
                CampaignConfig.MIN_RING_TIMEOUT_MILLIS, 2_000, 20_000, "+15550100");
        assembled = Pacer.builder().sip(config).tap(new ReadyOnEnd())
                .contacts(new MadeUpContacts(), CallJournal.NONE).start();
        pacer = assembled.sip();
        engine = assembled.ring();
        // Configured, not started: the benchmark turns dialling on and off itself (dialling()).
        engine.submit(core -> core.upsertCampaign(campaign));
        agents = VirtualAgents.start(agentCount, LongSampler.fixed(0), 1);
        agents.registerAll(pacer.sipPort());
        long deadline = System.currentTimeMillis() + 30_000;
        while (stats().agentsLoggedIn() < agentCount && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        if (stats().agentsLoggedIn() < agentCount) {
            close();
            throw new IllegalStateException("only " + stats().agentsLoggedIn() + " of " + agentCount + " agents logged in");
        }
        // As the launcher does before taking traffic; what is left is the live heap before the first call.
        settledHeapMb = JvmGauges.liveHeapMb();
    }

    /** Starts or stops the campaign's dialling. */
    void dialling(boolean on) {
        engine.submit(core -> core.setRunning(CAMPAIGN, on));
    }

    CampaignStats stats() throws Exception {
        return engine.query(core -> core.stats(CAMPAIGN)).get(5, TimeUnit.SECONDS);
    }

    /** Waits until no call of the campaign is in flight or connected (after dialling stopped). */
    void drain(long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            CampaignStats s = stats();
            if (s.callsRinging() == 0 && s.callsWaitingForAgent() == 0 && s.agentsOnCall() == 0
                    && pacer.stats().callsInProgress() == 0) {
                return;
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        assembled.close();
        if (agents != null) {
            agents.close();
        }
    }
}
