package io.pacer.store.journal;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.campaign.SubjectTemplate;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.webhook.WebhookEvents;
import io.pacer.engine.call.CallOutcome;
import io.pacer.store.compliance.DialRefusals;
import io.pacer.store.compliance.RefusalReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a finished call does to storage, inside the journal's batch transaction: the call becomes an activity
 * under the contact's case, and the contact moves on by the campaign's retry rules (or waits for the agent's
 * outcome when the call was connected). Each record is applied once: a failed batch rolls back whole and is
 * retried whole.
 */
final class CallResults {

    /** The call type shown in subjects for the calls Pacer places. */
    static final String OUTBOUND = "Outbound call";

    private final Map<Long, Campaign> campaigns = new HashMap<>();
    private final MessageLatencies latencies;
    /** Whether any webhook subscription exists: asked once per batch, so calls nobody subscribed to cost nothing. */
    private boolean webhooks;

    CallResults(MessageLatencies latencies) {
        this.latencies = latencies;
    }

    /** Applies a batch of calls in the caller's transaction. */
    void apply(Connection c, List<FinishedCall> calls) throws SQLException {
        campaigns.clear();
        webhooks = WebhookEvents.anySubscription(c);
        for (FinishedCall call : calls) {
            if (call.messageLatencyMicros < 0) {
                // Taken once and kept on the record, so a batch retried after a failure still carries it.
                call.messageLatencyMicros = latencies.take(call.callId);
            }
            apply(c, call);
        }
    }

    private void apply(Connection c, FinishedCall call) throws SQLException {
        Campaign campaign = campaign(c, call.campaignId);
        if (campaign == null) {
            return;
        }
        long caseId = caseOf(c, campaign, call.contactId);
        long duration = call.answerMillis < 0 ? 0 : Math.max(0, call.endMillis - call.answerMillis);
        String subject = SubjectTemplate.render(campaign, OUTBOUND, call.startMillis, call.outcome.name(), null);
        Jdbc.update(c, """
                INSERT INTO activities(call_id, campaign_id, contact_id, case_id, call_type, start_millis, answer_millis,
                  end_millis, duration_millis, caller_id, called_number, agent_id, call_outcome, subject,
                  message_latency_micros)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                call.callId, call.campaignId, call.contactId, caseId, OUTBOUND, call.startMillis,
                call.answerMillis < 0 ? null : call.answerMillis, call.endMillis, duration,
                campaign.displayNumbers().isEmpty() ? null : campaign.displayNumbers().get(0), call.number,
                call.agentId, call.outcome, subject,
                call.messageLatencyMicros < 0 ? null : call.messageLatencyMicros);
        if (call.outcome == CallOutcome.CONNECTED) {
            Jdbc.update(c, """
                    UPDATE contacts SET state = 'AWAITING_OUTCOME', attempts = attempts + 1
                    WHERE id = ? AND state = 'DIALING'""", call.contactId);
            Jdbc.update(c, """
                    UPDATE callbacks SET state = 'DONE' WHERE id = (SELECT callback_id FROM contacts WHERE id = ?)""", call.contactId);
            if (webhooks) {
                WebhookEvents.callbackDoneOfContact(c, call.contactId, call.endMillis);
            }
            Jdbc.update(c, "UPDATE contacts SET callback_id = NULL, owner_agent_id = -1, dial_number = NULL WHERE id = ?", call.contactId);
        } else {
            long delay = campaign.retryDelayMillis(call.outcome);
            retry(c, campaign, call.contactId, RetryClass.of(call.outcome), call.endMillis, delay, "DIALING");
            if (delay > campaign.retryRule(RetryClass.of(call.outcome)).delaySeconds() * 1000) {
                // The lockout, not the retry rule, holds this contact back: the audit counts it as refused.
                try (PreparedStatement refusal = DialRefusals.prepare(c)) {
                    DialRefusals.add(refusal, call.campaignId, call.contactId, call.number, RefusalReason.LOCKOUT,
                            call.endMillis, call.endMillis + delay);
                    refusal.executeBatch();
                }
            }
        }
        if (webhooks) {
            WebhookEvents.callFinished(c, call.campaignId, call.contactId, call.endMillis);
        }
    }

    /**
     * Counts an attempt of a class and makes the contact due again after the rule's delay, or exhausted once the
     * class's or the campaign's maximum is reached; only a contact in {@code fromState} is changed.
     */
    static void retry(Connection c, Campaign campaign, long contactId, RetryClass retryClass, long nowMillis, String fromState)
            throws SQLException {
        retry(c, campaign, contactId, retryClass, nowMillis, campaign.retryRule(retryClass).delaySeconds() * 1000, fromState);
    }

    /** As above, due again after {@code delayMillis} (the rule's delay, or a regime's lockout after an abandon). */
    static void retry(Connection c, Campaign campaign, long contactId, RetryClass retryClass, long nowMillis,
            long delayMillis, String fromState) throws SQLException {
        RetryRule rule = campaign.retryRule(retryClass);
        String column = retryClass.attemptsColumn();
        Jdbc.update(c, "UPDATE contacts SET attempts = attempts + 1, " + column + " = " + column + " + 1, "
                + "state = CASE WHEN " + column + " + 1 >= ? OR attempts + 1 >= ? THEN 'EXHAUSTED' ELSE 'READY' END, "
                + "next_due_millis = ? WHERE id = ? AND state = ?",
                rule.maxAttempts(), campaign.maxAttempts(), nowMillis + delayMillis, contactId, fromState);
    }

    /** The contact's case in the campaign (named after the campaign), created on its first activity. */
    static long caseOf(Connection c, Campaign campaign, long contactId) throws SQLException {
        Jdbc.update(c, "INSERT INTO cases(campaign_id, contact_id, name) VALUES (?, ?, ?) ON CONFLICT (campaign_id, contact_id) DO NOTHING",
                campaign.id(), contactId, campaign.name());
        return Jdbc.number(c, "SELECT id FROM cases WHERE campaign_id = ? AND contact_id = ?", campaign.id(), contactId);
    }

    private Campaign campaign(Connection c, long id) throws SQLException {
        if (!campaigns.containsKey(id)) {
            try {
                campaigns.put(id, CampaignRepository.get(c, id));
            } catch (NotFoundException e) {
                campaigns.put(id, null);
            }
        }
        return campaigns.get(id);
    }
}
