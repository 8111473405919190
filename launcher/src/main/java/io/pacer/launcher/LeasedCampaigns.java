package io.pacer.launcher;

import io.pacer.api.service.CampaignAgentsService;
import io.pacer.engine.control.EngineControl;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.cluster.LeaseListener;

/**
 * The core's side of a node's leases: a campaign taken over from a dead node is configured, given its responsibles
 * and set running, as a start through the API does; a campaign whose lease was lost is stopped in the core (its
 * hopper already hands out nothing).
 */
final class LeasedCampaigns implements LeaseListener {

    private final Storage storage;
    private final EngineControl control;

    LeasedCampaigns(Storage storage, EngineControl control) {
        this.storage = storage;
        this.control = control;
    }

    @Override
    public void acquired(Campaign campaign) {
        control.configure(storage.engineConfig(campaign));
        CampaignAgentsService.pushTo(storage, control, campaign.id());
        control.setRunning((int) campaign.id(), true);
    }

    @Override
    public void lost(long campaignId) {
        control.setRunning((int) campaignId, false);
    }
}
