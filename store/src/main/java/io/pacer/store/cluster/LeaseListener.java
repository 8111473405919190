package io.pacer.store.cluster;

import io.pacer.store.campaign.Campaign;

/**
 * What the composition root does when this node's campaigns change hands: start a campaign taken over from a
 * dead node in the core, or stop one whose lease was lost. Called on the lease threads, never on the core's.
 */
public interface LeaseListener {

    /** This node took over {@code campaign} (recovered already, its hopper filling): dial it. */
    void acquired(Campaign campaign);

    /** This node lost the lease of the campaign (its hopper already refuses contacts): stop it in the core. */
    void lost(long campaignId);
}
