package io.pacer.store.campaign;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;

/**
 * Deleting a campaign that was set up and never used (a mistake, a test): its settings, list, imports and
 * do-not-call list go. A campaign that an engine runs is refused (its contacts may be in calls), and so is one
 * that has placed calls: its history and abandonment records are what a regulator may ask for, so it is
 * archived by marking it done (read-only, never dialled) instead.
 */
public final class CampaignDeletion {

    private final Database db;

    /** Deletion over a database. */
    public CampaignDeletion(Database db) {
        this.db = db;
    }

    /** Deletes a campaign, or refuses with what to do instead; nothing changes when it refuses. */
    public void delete(long campaignId) {
        db.write(c -> {
            Campaign campaign = CampaignRepository.get(c, campaignId);
            if (campaign.lockOwner() != null) {
                throw new ConflictException("lock", "the campaign is running on " + campaign.lockOwner() + "; stop it first");
            }
            long calls = Jdbc.number(c, "SELECT COUNT(*) FROM activities WHERE campaign_id = ?", campaignId);
            if (calls > 0) {
                throw new ConflictException("history", "the campaign has " + calls + " calls on record, kept for its "
                        + "compliance records; archive it with POST /api/v1/campaigns/" + campaignId + "/done instead");
            }
            // Rows without a foreign key to the campaign go by hand; the rest cascade with it.
            Jdbc.update(c, "DELETE FROM do_not_call WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, "DELETE FROM cases WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, "DELETE FROM abandon_buckets WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, "DELETE FROM campaign_messages WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, "DELETE FROM dial_refusals WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, "DELETE FROM campaigns WHERE id = ?", campaignId);
            return null;
        });
    }
}
