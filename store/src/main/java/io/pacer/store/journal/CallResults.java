package io.pacer.store.journal;

import io.pacer.store.campaign.CallLogging;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.campaign.DialingRules;
import io.pacer.store.campaign.DialingRulesRepository;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a finished call does to storage, inside the journal's batch transaction: the call becomes an activity
 * under the contact's case, and the contact moves on along its attempt chain by the campaign's treatments or
 * retry rules ({@link ChainOutcome}), or waits for the agent's outcome when the call was connected. Each record is applied once: a failed batch rolls back whole and is
 * retried whole.
 */
final class CallResults {

    /** The call type shown in subjects for the calls Pacer places. */
    static final String OUTBOUND = "Outbound call";

    private final Map<Long, Campaign> campaigns = new HashMap<>();
    private final Set<Long> finishedInBatch = new HashSet<>();
    private final Map<Long, DialingRules> rules = new HashMap<>();
    /** Whether each campaign files unanswered calls, asked once per batch. */
    private final Map<Long, Boolean> logsUnanswered = new HashMap<>();
    private final MessageLatencies latencies;
    /** Whether any webhook subscription exists: asked once per batch, so calls nobody subscribed to cost nothing. */
    private boolean webhooks;

    private final OutcomeRecorder outcomes;

    CallResults(MessageLatencies latencies, OutcomeRecorder outcomes) {
        this.latencies = latencies;
        this.outcomes = outcomes;
    }

    /** Applies a batch of calls in the caller's transaction. */
    void apply(Connection c, List<FinishedCall> calls) throws SQLException {
        campaigns.clear();
        finishedInBatch.clear();
        rules.clear();
        logsUnanswered.clear();
        webhooks = WebhookEvents.anySubscription(c);
        for (FinishedCall call : calls) {
            if (!call.placedOnly && !call.wrapUpExpiredOnly) {
                finishedInBatch.add(call.callId);
            }
        }
        for (FinishedCall call : calls) {
            if (call.wrapUpExpiredOnly) {
                AutomaticOutcome.record(c, outcomes, call.callId, call.campaignId, call.agentId, System.currentTimeMillis());
            } else if (!call.placedOnly) {
                if (call.messageLatencyMicros < 0) {
                    // Taken once and kept on the record, so a batch retried after a failure still carries it.
                    call.messageLatencyMicros = latencies.take(call.callId);
                }
                apply(c, call);
            } else if (!finishedInBatch.contains(call.callId)) {
                // A call that also finished in this batch needs no mark: its record moves the contact on.
                Jdbc.update(c, "UPDATE contacts SET placed_call_id = ? WHERE id = ? AND state = 'DIALING'",
                        call.callId, call.contactId);
            }
        }
    }

    private void apply(Connection c, FinishedCall call) throws SQLException {
        Campaign campaign = campaign(c, call.campaignId);
        if (campaign == null) {
            return;
        }
        if (call.inbound) {
            // A customer's call: an activity of its own, nothing of the contact's dialling changes.
            InboundActivities.file(c, campaign, call);
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
        } else if (call.amdVerdict != null && call.amdVerdict.deadNumber()) {
            // A vacant or intercept SIT: the number reaches nobody, so no retry rule applies (docs/amd.md).
            Jdbc.update(c, """
                    UPDATE contacts SET attempts = attempts + 1, attempts_not_reachable = attempts_not_reachable + 1,
                      state = 'EXHAUSTED' WHERE id = ? AND state = 'DIALING'""", call.contactId);
        } else {
            ChainOutcome.apply(c, campaign, rules(c, campaign.id()), call.contactId, call.number, call.outcome, call.endMillis);
            long lockout = call.outcome.answeredByPerson() ? campaign.retryDelayMillis(call.outcome) : 0;
            if (lockout > campaign.retryRule(RetryClass.of(call.outcome)).delaySeconds() * 1000) {
                // The lockout, not the retry rule, holds this contact back: the audit counts it as refused.
                try (PreparedStatement refusal = DialRefusals.prepare(c)) {
                    DialRefusals.add(refusal, call.campaignId, call.contactId, call.number, RefusalReason.LOCKOUT,
                            call.endMillis, call.endMillis + lockout);
                    refusal.executeBatch();
                }
            }
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
                  end_millis, duration_millis, caller_id, called_number, agent_id, call_outcome, outcome, result_group, subject,
                  amd_verdict, amd_cause, amd_decision_millis, amd_action, message_latency_micros)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                call.callId, call.campaignId, call.contactId, caseId, OUTBOUND, call.startMillis,
                answered ? call.answerMillis : null, call.endMillis, duration,
                call.callerId != null ? call.callerId
                        : campaign.displayNumbers().isEmpty() ? null : campaign.displayNumbers().get(0), call.number,
                call.agentId, call.outcome, result, group, subject, call.amdVerdict,
                call.amdVerdict == null ? null : call.amdCause, call.amdDecisionMillis < 0 ? null : call.amdDecisionMillis,
                call.amdAction, call.messageLatencyMicros < 0 ? null : call.messageLatencyMicros);
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

    private DialingRules rules(Connection c, long campaignId) throws SQLException {
        DialingRules r = rules.get(campaignId);
        if (r == null) {
            r = DialingRulesRepository.get(c, campaignId);
            rules.put(campaignId, r);
        }
        return r;
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
