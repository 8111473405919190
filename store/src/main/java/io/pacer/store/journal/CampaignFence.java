package io.pacer.store.journal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether this engine may still dial a campaign: the hopper asks before a contact leaves for the core, and the
 * refill asks inside each claim's transaction, so a node whose lease on a campaign has lapsed neither dials its
 * contacts nor takes any more of them from the list. One engine alone on its database holds every campaign it
 * started ({@link #ALWAYS}).
 */
public interface CampaignFence {

    /** No fence: the engine's campaign locks are held until it releases them. */
    CampaignFence ALWAYS = new CampaignFence() {
        @Override
        public boolean dialable(int campaignId) {
            return true;
        }

        @Override
        public boolean holds(Connection c, int campaignId) {
            return true;
        }
    };

    /** On the core's thread, for every contact handed out: no I/O, no allocation. */
    boolean dialable(int campaignId);

    /**
     * Inside a claim's transaction: whether this engine still holds the campaign, keeping whoever would take it
     * over waiting until the claim commits (so the taker's recovery sees the claimed contacts).
     */
    boolean holds(Connection c, int campaignId) throws SQLException;
}
