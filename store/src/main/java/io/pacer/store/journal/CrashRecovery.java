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
 * or its lock cleared by an operator); campaigns another engine holds are that engine's to repair. Run before the
 * hopper starts.
 *
 * <p>A contact still DIALING was claimed by the hopper (committed DIALING before it entered the queue: the
 * durable "dispatched" state) and then either only queued, or handed to the trunk. Two cases:
 * <ul>
 *   <li><b>Placed</b> ({@code placed_call_id}, written by the journal after the trunk sent the INVITE): the call
 *       surely left. It gets an INTERRUPTED attempt under its call's id (an activity, so the history shows it, and
 *       a {@code call.finished} webhook like every other finished call) and is due again by the campaign's failure
 *       retry rule.</li>
 *   <li><b>Uncertain</b> (no mark): queued in memory, or placed in the milliseconds before the journal committed
 *       the mark; after a SIGKILL nothing tells the two apart. It goes back to the list as it was (READY, or
 *       CALLBACK when a callback waits) with no attempt, since no call is known to have been placed, but not due
 *       before {@link #UNCERTAIN_HOLD_MILLIS} (or the failure retry delay, if longer): a call that did leave has
 *       ended at the carrier before the contact can be dialled again, so the customer is never rung twice at
 *       once, and a redial comes only after a pause a retry would have had anyway.</li>
 * </ul>
 * The alternative, a write-ahead of each placement committed before its INVITE, would remove the uncertainty
 * at the price of a database commit on every dial's path (docs/operations.md, "After a crash").
 */
public final class CrashRecovery {

    /**
     * How long a contact DIALING without a placement mark is held after a crash: longer than the longest ring
     * timeout a campaign may set (five minutes) plus the 32 s a carrier retransmits an unacknowledged answer,
     * so that a call whose INVITE left before the crash has ended before the contact is dialled again.
     */
    public static final long UNCERTAIN_HOLD_MILLIS = 10 * 60_000L;

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
        long heldUntil = nowMillis + Math.max(UNCERTAIN_HOLD_MILLIS,
                campaign.retryRule(RetryClass.FAILURE).delaySeconds() * 1000);
        Jdbc.update(c, """
                UPDATE contacts SET state = CASE WHEN callback_id IS NULL THEN 'READY' ELSE 'CALLBACK' END,
                  next_due_millis = CASE WHEN next_due_millis > ? THEN next_due_millis ELSE ? END
                WHERE campaign_id = ? AND state = 'DIALING' AND placed_call_id IS NULL""", heldUntil, heldUntil, campaign.id());
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
