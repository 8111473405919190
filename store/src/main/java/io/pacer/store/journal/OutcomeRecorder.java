package io.pacer.store.journal;

import io.pacer.store.callback.Callback;
import io.pacer.store.callback.CallbackRequest;
import io.pacer.store.callback.CallbackTasks;
import io.pacer.store.campaign.AgentOutcome;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.campaign.CustomOutcome;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.campaign.SubjectTemplate;
import io.pacer.store.contact.Contact;
import io.pacer.store.contact.ContactRepository;
import io.pacer.store.contact.ContactState;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import io.pacer.store.webhook.WebhookEvents;
import io.pacer.store.contact.DoNotCallList;
import io.pacer.store.contact.PhoneNumbers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Records what the agent decided after a call (and, in preview modes, before it): updates the call's activity
 * (outcome, result group, note, subject) and moves the contact on: retried, called back, out of the list or
 * into the do-not-call list. One transaction each; the API answers once it is committed.
 */
public final class OutcomeRecorder {

    private final Database db;
    private final DoNotCallList doNotCall;

    /** A recorder writing to a database. */
    public OutcomeRecorder(Database db, DoNotCallList doNotCall) {
        this.db = db;
        this.doNotCall = doNotCall;
    }

    /** The result group of a base outcome that has no custom name. */
    public static String resultGroup(AgentOutcome outcome) {
        return switch (outcome) {
            case NOT_REACHABLE -> "Not reached";
            case CALL_AGAIN -> "Callback";
            case NO_INTEREST, DO_NOT_CALL -> "Negative";
            case DONE -> "Positive";
        };
    }

    /**
     * Records an agent's outcome for a call. An agent may only record its own calls; an outcome is recorded
     * once.
     */
    public Activity record(User user, long callId, String outcomeName, String note, CallbackRequest callback, long nowMillis) {
        if (outcomeName == null || outcomeName.isBlank()) {
            throw new InvalidFieldException("outcome", "missing");
        }
        String[] blocked = new String[1];
        // A callback without a note of its own takes the call's: the follow-up carries what was said.
        CallbackRequest task = callback == null || callback.note() != null ? callback
                : new CallbackRequest(callback.dueMillis(), callback.number(), callback.personal(), callback.ownerGroupId(),
                        callback.alarmMillis(), callback.priority(), callback.subject(), note == null ? "" : note);
        Activity result = db.write(c -> recordIn(c, user, callId, outcomeName, note, task, nowMillis, blocked));
        if (blocked[0] != null) {
            doNotCall.remember(result.campaignId(), blocked[0]);
        }
        return result;
    }

    /**
     * Records an outcome for a call in the caller's transaction (the agent's from {@link #record}; the campaign's
     * automatic one from the journal when a wrap-up runs to its limit). A number the outcome blocks is left in
     * {@code blocked[0]} for the caller to remember once committed.
     */
    Activity recordIn(Connection c, User user, long callId, String outcomeName, String note, CallbackRequest task,
            long nowMillis, String[] blocked) throws SQLException {
        Activity activity = Jdbc.one(c, "SELECT * FROM activities WHERE call_id = ? ORDER BY id DESC LIMIT 1", Activity::of, callId)
                .filter(a -> user.role() != Role.AGENT || a.agentId() == user.id())
                .orElseThrow(() -> new NotFoundException("callId", callId));
        if (activity.outcome() != null) {
            throw new ConflictException("outcome", "already recorded: " + activity.outcome());
        }
        Campaign campaign = CampaignRepository.get(c, activity.campaignId());
        if (campaign.done()) {
            throw new ConflictException("done", "campaign is done and read-only");
        }
        Optional<CustomOutcome> custom = Jdbc.one(c, "SELECT * FROM custom_outcomes WHERE campaign_id = ? AND name = ?",
                CampaignRepository::outcome, campaign.id(), outcomeName);
        AgentOutcome behaviour = custom.map(CustomOutcome::behaviour).orElseGet(() -> base(outcomeName));
        String group = custom.map(CustomOutcome::resultGroup).orElse(resultGroup(behaviour));
        Contact contact = ContactRepository.get(c, campaign.id(), activity.contactId());
        if (contact.state() == ContactState.DIALING) {
            throw new ConflictException("state", "the contact is being dialled again");
        }
        applyToContact(c, campaign, contact, behaviour, task, user, nowMillis, blocked);
        Jdbc.update(c, "UPDATE activities SET outcome = ?, result_group = ?, note = ?, subject = ? WHERE id = ?",
                outcomeName, group, note == null ? "" : note,
                SubjectTemplate.render(campaign, activity.callType(), activity.startMillis(), outcomeName, group), activity.id());
        WebhookEvents.outcomeRecorded(c, activity.id(), nowMillis);
        return Jdbc.one(c, "SELECT * FROM activities WHERE id = ?", Activity::of, activity.id()).orElseThrow();
    }

    /** The agent's answer to a previewed contact before dialling. */
    public enum PreviewDecision {
        /** Skip: back to the list, due again by the no-answer delay, no attempt counted. */
        SKIP,
        /** Call later: back to the list, due at the given time. */
        CALL_LATER,
        /** Do not call: out of the list and into the campaign's do-not-call list. */
        DO_NOT_CALL
    }

    /** Records a preview decision for a contact offered to the agent (state READY or DIALING). */
    public Contact preview(User user, long campaignId, long contactId, PreviewDecision decision, long dueMillis, long nowMillis) {
        if (decision == null) {
            throw new InvalidFieldException("decision", "must be one of " + Arrays.toString(PreviewDecision.values()));
        }
        if (decision == PreviewDecision.CALL_LATER && dueMillis <= nowMillis) {
            throw new InvalidFieldException("dueAt", "must be in the future");
        }
        String[] blocked = new String[1];
        Contact result = db.write(c -> {
            Campaign campaign = CampaignRepository.get(c, campaignId);
            if (campaign.done()) {
                throw new ConflictException("done", "campaign is done and read-only");
            }
            if (user.role() == Role.AGENT && !isResponsible(c, campaignId, user.id())) {
                throw new NotFoundException("campaignId", campaignId);
            }
            Contact contact = ContactRepository.get(c, campaignId, contactId);
            if (contact.state() != ContactState.READY && contact.state() != ContactState.DIALING
                    && contact.state() != ContactState.CALLBACK) {
                throw new ConflictException("state", "contact is " + contact.state() + ", not offered for preview");
            }
            switch (decision) {
                case SKIP -> Jdbc.update(c, "UPDATE contacts SET state = 'READY', next_due_millis = ? WHERE id = ?",
                        nowMillis + campaign.retryRule(RetryClass.NO_ANSWER).delaySeconds() * 1000, contactId);
                case CALL_LATER -> Jdbc.update(c, "UPDATE contacts SET state = 'READY', next_due_millis = ? WHERE id = ?",
                        dueMillis, contactId);
                case DO_NOT_CALL -> {
                    doNotCall.add(c, campaignId, contact.phone(), nowMillis);
                    Jdbc.update(c, "UPDATE contacts SET state = 'CLOSED', closed_reason = 'DO_NOT_CALL' WHERE id = ?", contactId);
                    blocked[0] = contact.phone();
                }
                default -> throw new IllegalStateException();
            }
            return ContactRepository.get(c, campaignId, contactId);
        });
        if (blocked[0] != null) {
            doNotCall.remember(campaignId, blocked[0]);
        }
        return result;
    }

    private void applyToContact(Connection c, Campaign campaign, Contact contact, AgentOutcome behaviour,
            CallbackRequest callback, User user, long nowMillis, String[] blocked) throws SQLException {
        if (behaviour != AgentOutcome.CALL_AGAIN && callback != null) {
            throw new InvalidFieldException("callback", "only the CALL_AGAIN outcome takes a callback");
        }
        String state = contact.state().name();
        switch (behaviour) {
            case NOT_REACHABLE -> {
                // The call already counted as an attempt; the not-reachable rule decides when it is due again.
                RetryRule rule = campaign.retryRule(RetryClass.NOT_REACHABLE);
                Jdbc.update(c, "UPDATE contacts SET attempts_not_reachable = attempts_not_reachable + 1, "
                        + "state = CASE WHEN attempts_not_reachable + 1 >= ? OR attempts >= ? THEN 'EXHAUSTED' ELSE 'READY' END, "
                        + "next_due_millis = ? WHERE id = ? AND state = ?",
                        rule.maxAttempts(), campaign.maxAttempts(), nowMillis + rule.delaySeconds() * 1000, contact.id(), state);
            }
            case CALL_AGAIN -> scheduleCallback(c, campaign, contact, callback, user, nowMillis);
            case NO_INTEREST, DONE -> Jdbc.update(c, "UPDATE contacts SET state = 'CLOSED', closed_reason = ? WHERE id = ?",
                    behaviour, contact.id());
            case DO_NOT_CALL -> {
                doNotCall.add(c, campaign.id(), contact.phone(), nowMillis);
                Jdbc.update(c, "UPDATE contacts SET state = 'CLOSED', closed_reason = 'DO_NOT_CALL' WHERE id = ?", contact.id());
                blocked[0] = contact.phone();
            }
            default -> throw new IllegalStateException();
        }
    }

    private void scheduleCallback(Connection c, Campaign campaign, Contact contact, CallbackRequest cb, User user,
            long nowMillis) throws SQLException {
        if (cb == null) {
            throw new InvalidFieldException("callback", "CALL_AGAIN needs a callback with dueAt");
        }
        if (cb.dueMillis() <= nowMillis) {
            throw new InvalidFieldException("callback.dueAt", "is in the past; pick a future date and time");
        }
        String number = cb.number() == null || cb.number().isBlank() ? null : PhoneNumbersField.e164(cb.number(), campaign);
        if (cb.ownerGroupId() >= 0 && Jdbc.number(c, "SELECT COUNT(*) FROM user_groups WHERE id = ?", cb.ownerGroupId()) == 0) {
            throw new InvalidFieldException("callback.ownerGroupId", "no such group: " + cb.ownerGroupId());
        }
        boolean personal = cb.personal() && cb.ownerGroupId() < 0;
        int priority = CallbackTasks.priority(cb.priority(), "callback.priority");
        String subject = CallbackTasks.subject(campaign, cb.subject(), cb.dueMillis(), "callback.subject");
        long callbackId = Jdbc.insert(c, """
                INSERT INTO callbacks(campaign_id, contact_id, owner_user_id, owner_group_id, personal, due_millis, alarm_millis,
                  number, state, note, priority, subject, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) RETURNING id""",
                campaign.id(), contact.id(), cb.ownerGroupId() >= 0 ? null : user.id(),
                cb.ownerGroupId() >= 0 ? cb.ownerGroupId() : null, personal, cb.dueMillis(),
                cb.alarmMillis() < 0 ? null : cb.alarmMillis(), number, cb.note() == null ? "" : cb.note(), priority,
                subject, user.id());
        Jdbc.update(c, """
                UPDATE contacts SET state = 'CALLBACK', next_due_millis = ?, owner_agent_id = ?, dial_number = ?, callback_id = ?
                WHERE id = ?""", cb.dueMillis(), personal ? user.id() : -1, number, callbackId, contact.id());
        WebhookEvents.callbackCreated(c, callbackId, nowMillis);
    }

    private static boolean isResponsible(Connection c, long campaignId, long userId) throws SQLException {
        return Jdbc.number(c, """
                SELECT COUNT(*) FROM campaign_responsibles r
                WHERE r.campaign_id = ? AND (r.user_id = ? OR r.group_id IN
                  (SELECT group_id FROM group_members WHERE user_id = ?))""", campaignId, userId, userId) > 0;
    }

    private static AgentOutcome base(String name) {
        try {
            return AgentOutcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("outcome", "unknown outcome " + name + ": use one of "
                    + Arrays.toString(AgentOutcome.values()) + " or a custom outcome of the campaign");
        }
    }

    /** The callback number normalised, with the error named after the callback field. */
    private static final class PhoneNumbersField {
        static String e164(String raw, Campaign campaign) {
            try {
                return PhoneNumbers.e164(raw, campaign.defaultRegion());
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException("callback.number", e.problem());
            }
        }
    }
}
