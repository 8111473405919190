package io.pacer.store.journal;

import io.pacer.engine.campaign.AgentRules;
import io.pacer.store.campaign.CampaignAgents;
import io.pacer.store.error.RefusedException;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The campaign's automatic outcome, recorded in the journal's transaction when an agent's wrap-up runs to the
 * campaign's limit ({@link AgentRules#wrapUpOutcome()}): as if the agent had recorded it, so the contact moves on
 * by the same rules, with a note saying why. The agent who recorded an outcome in time keeps its own; so does a
 * contact dialled again meanwhile.
 */
final class AutomaticOutcome {

    /** The note the activity carries, so a supervisor can tell an automatic outcome from the agent's. */
    static final String NOTE = "Recorded automatically at the wrap-up limit";

    private AutomaticOutcome() {
    }

    static void record(Connection c, OutcomeRecorder outcomes, long callId, long campaignId, long agentId, long nowMillis)
            throws SQLException {
        AgentRules rules = CampaignAgents.rules(c, campaignId);
        if (rules.wrapUpOutcome() == null) {
            return;
        }
        User agent = new User(agentId, "wrap-up limit", Role.AGENT, false);
        try {
            outcomes.recordIn(c, agent, callId, rules.wrapUpOutcome(), NOTE, null, nowMillis, new String[1]);
        } catch (RefusedException e) {
            // Refused before anything was written (an outcome already recorded, the contact dialled again, the
            // campaign done): the agent's own decision stands and the batch goes on.
        }
    }
}
