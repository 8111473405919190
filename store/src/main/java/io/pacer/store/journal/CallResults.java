package io.pacer.store.journal;

import io.pacer.store.campaign.CallLogging;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.campaign.SubjectTemplate;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.webhook.WebhookEvents;
import io.pacer.engine.call.CallOutcome;
import java.sql.Connection;
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
    /** Whether each campaign files unanswered calls, asked once per batch. */
    private final Map<Long, Boolean> logsUnanswered = new HashMap<>();
    /** Whether any webhook subscription exists: asked once per batch, so calls nobody subscribed to cost nothing. */
    private boolean webhooks;

    /** Applies a batch of calls in the caller's transaction. */
    void apply(Connection c, List<FinishedCall> calls) throws SQLException {
        campaigns.clear();
        logsUnanswered.clear();
        webhooks = WebhookEvents.anySubscription(c);
        for (FinishedCall call : calls) {
            apply(c, call);
        }
    }

    private void apply(Connection c, FinishedCall call) throws SQLException {
        Campaign campaign = campaign(c, call.campaignId);
        if (campaign == null) {
            return;
        }
        boolean answered = call.answerMillis >= 0;
        if (answered || logsUnanswered(c, campaign.id())) {
            file(c, campaign, call, answered);
        }
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
            retry(c, campaign, call.contactId, RetryClass.of(call.outcome), call.endMillis,
                    campaign.retryDelayMillis(call.outcome), "DIALING");
        }
        if (webhooks) {
            WebhookEvents.callFinished(c, call.campaignId, call.contactId, call.endMillis);
        }
    }

    /** The call as an activity under the contact's case; an unanswered one with the result "No answer". */
    private static void file(Connection c, Campaign campaign, FinishedCall call, boolean answered) throws SQLException {
        long caseId = caseOf(c, campaign, call.contactId);
        long duration = answered ? Math.max(0, call.endMillis - call.answerMillis) : 0;
        String result = answered ? null : CallLogging.NO_ANSWER;
        String group = answered ? null : CallLogging.NOT_REACHED;
        String subject = SubjectTemplate.render(campaign, OUTBOUND, call.startMillis, answered ? call.outcome.name() : result,
                group);
        Jdbc.update(c, """
                INSERT INTO activities(call_id, campaign_id, contact_id, case_id, call_type, start_millis, answer_millis,
                  end_millis, duration_millis, caller_id, called_number, agent_id, call_outcome, outcome, result_group, subject)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                call.callId, call.campaignId, call.contactId, caseId, OUTBOUND, call.startMillis,
                answered ? call.answerMillis : null, call.endMillis, duration,
                campaign.displayNumbers().isEmpty() ? null : campaign.displayNumbers().get(0), call.number,
                call.agentId, call.outcome, result, group, subject);
    }

    private boolean logsUnanswered(Connection c, long campaignId) throws SQLException {
        Boolean known = logsUnanswered.get(campaignId);
        if (known == null) {
            known = CallLogging.logsUnanswered(c, campaignId);
            logsUnanswered.put(campaignId, known);
        }
        return known;
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
