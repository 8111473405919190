package io.pacer.store.journal;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.SubjectTemplate;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.engine.call.CallOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Start-up repair after a crash: every contact still DIALING in a campaign this engine ran, or in a campaign no
 * engine holds (stopped, or its lock cleared by an operator), was in a call when its engine died; an orderly stop
 * or shutdown hands the hopper back first, so nothing merely queued is left DIALING. Campaigns another engine
 * holds are that engine's to repair. Each gets an INTERRUPTED attempt (an activity, so the history
 * shows it) and is due again by the campaign's failure retry rule. Run before the hopper starts.
 */
public final class CrashRecovery {

    private final Database db;
    private final CampaignRepository campaigns;

    /** Recovery over a database. */
    public CrashRecovery(Database db, CampaignRepository campaigns) {
        this.db = db;
        this.campaigns = campaigns;
    }

    /**
     * Repairs the campaigns locked by {@code engineId} and those no engine holds.
     *
     * @return how many contacts were found in flight
     */
    public int recover(String engineId, long nowMillis) {
        int total = 0;
        for (Campaign campaign : campaigns.list()) {
            if (campaign.lockOwner() != null && !campaign.lockOwner().equals(engineId)) {
                continue;
            }
            total += db.write(c -> recover(c, campaign, nowMillis));
        }
        return total;
    }

    private static int recover(Connection c, Campaign campaign, long nowMillis) throws SQLException {
        List<Object[]> inFlight = Jdbc.query(c, """
                SELECT id, COALESCE(dial_number, phone) FROM contacts WHERE campaign_id = ? AND state = 'DIALING'""",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}, campaign.id());
        for (Object[] row : inFlight) {
            long contactId = (Long) row[0];
            long caseId = CallResults.caseOf(c, campaign, contactId);
            Jdbc.update(c, """
                    INSERT INTO activities(campaign_id, contact_id, case_id, call_type, start_millis, end_millis,
                      duration_millis, caller_id, called_number, agent_id, call_outcome, subject)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, -1, ?, ?)""",
                    campaign.id(), contactId, caseId, CallResults.OUTBOUND, nowMillis, nowMillis,
                    campaign.displayNumbers().isEmpty() ? null : campaign.displayNumbers().get(0), row[1],
                    CallOutcome.INTERRUPTED,
                    SubjectTemplate.render(campaign, CallResults.OUTBOUND, nowMillis, CallOutcome.INTERRUPTED.name(), null));
            CallResults.retry(c, campaign, contactId, RetryClass.FAILURE, nowMillis, "DIALING");
        }
        return inFlight.size();
    }
}
