package io.pacer.engine.control;

import io.pacer.engine.campaign.CampaignStats;

/**
 * Where the API reads a campaign's live state (agents by state, calls in flight, ratios, abandonment) from:
 * the core, through a query on its ring. The API adds what storage knows (contacts by state, abandonment
 * over the campaign's whole history).
 */
@FunctionalInterface
public interface CampaignStatsSource {

    /** A snapshot of a campaign in the core, or {@code null} when the core does not run it. */
    CampaignStats stats(int campaignId);

    /** No core: live figures are absent. */
    CampaignStatsSource NONE = id -> null;
}
