package io.pacer.api.service;

import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.control.CampaignStatsSource;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A campaign's state for supervisors: storage's view (lifecycle, contacts by state, the abandonment rate so
 * far) beside the core's live figures, read without touching core state.
 */
public final class StatsService {

    private final Storage storage;
    private final CampaignStatsSource live;

    /** Snapshots over storage and the core's live figures. */
    public StatsService(Storage storage, CampaignStatsSource live) {
        this.storage = storage;
        this.live = live;
    }

    /** The campaign's snapshot, in the order the API shows its fields; not found for an unknown campaign. */
    public Map<String, Object> snapshot(long campaignId) {
        Campaign campaign = storage.campaigns().get(campaignId);
        long[] abandonedAndAnswered = storage.activities().abandonedAndAnswered(campaignId);
        long abandoned = abandonedAndAnswered[0];
        long answered = abandonedAndAnswered[1];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", campaignId);
        out.put("name", campaign.name());
        out.put("status", campaign.status());
        out.put("done", campaign.done());
        out.put("lockOwner", campaign.lockOwner());
        out.put("contactsByState", storage.contacts().countByState(campaignId));
        out.put("hopperSize", storage.hopper().size((int) campaignId));
        out.put("abandonedSoFar", abandoned);
        out.put("answeredSoFar", answered);
        out.put("abandonRateSoFar", answered == 0 ? 0.0 : (double) abandoned / answered);
        CampaignStats stats = live.stats((int) campaignId);
        out.put("live", stats);
        return out;
    }
}
