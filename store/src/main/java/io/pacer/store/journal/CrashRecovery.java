package io.pacer.store.journal;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.SubjectTemplate;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.webhook.WebhookEvents;
import io.pacer.engine.call.CallOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Start-up repair after a crash, over every campaign this engine ran and every campaign no engine holds (stopped,
 * or its lock cleared by an operator); campaigns another engine holds are that engine's to repair. A contact still
 * DIALING was either only queued (taken into the hopper, or held by the engine before its INVITE left) or in a
 * call that was placed ({@code placed_call_id}, written by the journal when the trunk sent the INVITE). A queued
 * one goes back to the list as it was (READY, or CALLBACK when a callback waits) with no attempt, as an orderly
 * stop hands it back; a placed one gets an INTERRUPTED attempt under its call's id (an activity, so the history
 * shows it, and a {@code call.finished} webhook like every other finished call) and is due again by the
 * campaign's failure retry rule. Run before the hopper starts.
 *
 * <p>The mark is written by the journal's thread after the INVITE, as the call's record is: a call placed
 * shortly before a crash whose mark was not committed yet (milliseconds, more while the database is slow) is
 * taken for a queued one and dialled again without an attempt booked; one whose mark was committed but whose
 * record was not is booked INTERRUPTED, its real outcome lost with the process.
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
     * @return how many contacts were found in a placed call
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

    /**
     * Repairs one campaign this engine has just taken over from a node whose lease expired (the same repair as at
     * start-up, for that campaign alone: this engine's other campaigns are running).
     *
     * @return how many contacts were found in a placed call
     */
    public int recoverCampaign(long campaignId, long nowMillis) {
        Campaign campaign = campaigns.get(campaignId);
        return db.write(c -> recover(c, campaign, nowMillis));
    }

    private static int recover(Connection c, Campaign campaign, long nowMillis) throws SQLException {
        Jdbc.update(c, """
                UPDATE contacts SET state = CASE WHEN callback_id IS NULL THEN 'READY' ELSE 'CALLBACK' END
                WHERE campaign_id = ? AND state = 'DIALING' AND placed_call_id IS NULL""", campaign.id());
        List<Object[]> inFlight = Jdbc.query(c, """
                SELECT id, COALESCE(dial_number, phone), placed_call_id FROM contacts
                WHERE campaign_id = ? AND state = 'DIALING'""",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}, campaign.id());
        boolean webhooks = WebhookEvents.anySubscription(c);
        for (Object[] row : inFlight) {
            long contactId = (Long) row[0];
            long caseId = CallResults.caseOf(c, campaign, contactId);
            Jdbc.update(c, """
                    INSERT INTO activities(call_id, campaign_id, contact_id, case_id, call_type, start_millis, end_millis,
                      duration_millis, caller_id, called_number, agent_id, call_outcome, subject)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, -1, ?, ?)""",
                    row[2], campaign.id(), contactId, caseId, CallResults.OUTBOUND, nowMillis, nowMillis,
                    campaign.displayNumbers().isEmpty() ? null : campaign.displayNumbers().get(0), row[1],
                    CallOutcome.INTERRUPTED,
                    SubjectTemplate.render(campaign, CallResults.OUTBOUND, nowMillis, CallOutcome.INTERRUPTED.name(), null));
            CallResults.retry(c, campaign, contactId, RetryClass.FAILURE, nowMillis, "DIALING");
            if (webhooks) {
                WebhookEvents.callFinished(c, campaign.id(), contactId, nowMillis);
            }
        }
        return inFlight.size();
    }
}
