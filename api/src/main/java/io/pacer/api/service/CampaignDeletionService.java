package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.campaign.CampaignDeletion;

/**
 * Deleting a campaign that never placed a call; one that did is archived by marking it done (its history is kept).
 */
public final class CampaignDeletionService {

    private final CampaignDeletion deletion;

    /** Deletion over storage. */
    public CampaignDeletionService(Storage storage) {
        this.deletion = new CampaignDeletion(storage.db());
    }

    /** Deletes the campaign, or refuses (running, or has calls on record) with nothing changed. */
    public void delete(long campaignId) {
        deletion.delete(campaignId);
    }
}
