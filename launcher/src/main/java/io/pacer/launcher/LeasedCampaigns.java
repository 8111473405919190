package io.pacer.launcher;

import io.pacer.api.service.CampaignAgentsService;
import io.pacer.engine.control.EngineControl;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.cluster.LeaseListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The core's side of a node's leases: a campaign taken over from a dead node is configured, given its responsibles
 * and set running, as a start through the API does, and its agents' phones are called from this node (their sessions
 * died with the old node); a campaign whose lease was lost is stopped in the core (its hopper already hands out
 * nothing).
 */
final class LeasedCampaigns implements LeaseListener {

    private final Storage storage;
    private final EngineControl control;
    /**
     * Agents' logins wait for the SIP worker (up to 2 s each): off the lease thread, whose heartbeat must not slip.
     * One thread, so that the phones are called in order and a takeover of many campaigns queues, never piles up.
     */
    private final ExecutorService logins = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pacer-takeover-logins");
        t.setDaemon(true);
        return t;
    });

    LeasedCampaigns(Storage storage, EngineControl control) {
        this.storage = storage;
        this.control = control;
    }

    @Override
    public void acquired(Campaign campaign) {
        control.configure(storage.engineConfig(campaign));
        CampaignAgentsService.pushTo(storage, control, campaign.id());
        control.setRunning((int) campaign.id(), true);
        // The campaign's agents follow it (docs/cluster.md): this node calls each responsible agent's phone, through
        // Kamailio where the phone registered. Agents with no phone in sip.agents are refused and log in themselves.
        int[] agents = storage.campaignAgents().responsibleUserIds(campaign.id());
        logins.execute(() -> {
            for (int agent : agents) {
                control.agentLogin(agent, (int) campaign.id());
            }
        });
    }

    @Override
    public void lost(long campaignId) {
        control.setRunning((int) campaignId, false);
    }
}
