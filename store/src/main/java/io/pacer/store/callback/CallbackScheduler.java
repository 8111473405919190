package io.pacer.store.callback;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.contact.Contact;
import io.pacer.store.contact.ContactRepository;
import io.pacer.store.contact.ContactState;
import io.pacer.store.contact.PhoneNumbers;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.webhook.WebhookEvents;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Callbacks pushed from outside (a CRM's "call Mrs Smith back on Tuesday at 10"): the same task an agent's
 * CALL_AGAIN creates, on a contact of the list, in one transaction with its webhook event. Refused for a contact
 * being dialled or awaiting its outcome (the call's result would race it), one that already has an open callback,
 * one that left the list as do-not-call, and for a number on a do-not-call list.
 */
public final class CallbackScheduler {

    private final Database db;

    /** Scheduling over a database. */
    public CallbackScheduler(Database db) {
        this.db = db;
    }

    /** Creates the callback and makes the contact wait for it; {@code createdBy} is the user asking. */
    public Callback schedule(long campaignId, long contactId, CallbackOrder order, long createdBy, long nowMillis) {
        if (order.dueMillis() <= nowMillis) {
            throw new InvalidFieldException("dueAt", "is in the past; pick a future date and time");
        }
        if (order.alarmMillis() >= 0 && order.alarmMillis() > order.dueMillis()) {
            throw new InvalidFieldException("alarmAt", "is after dueAt; a reminder comes before the call");
        }
        if (order.ownerUserId() >= 0 && order.ownerGroupId() >= 0) {
            throw new InvalidFieldException("ownerGroupId", "give ownerUserId or ownerGroupId, not both");
        }
        return db.write(c -> {
            Campaign campaign = CampaignRepository.get(c, campaignId);
            if (campaign.done()) {
                throw new ConflictException("done", "campaign is done and read-only");
            }
            Contact contact = ContactRepository.get(c, campaignId, contactId);
            checkState(contact);
            String number = order.number() == null || order.number().isBlank() ? null : e164(order.number(), campaign);
            String dialled = number == null ? contact.phone() : number;
            if (Jdbc.number(c, "SELECT COUNT(*) FROM do_not_call WHERE phone = ? AND campaign_id IN (0, ?)", dialled, campaignId) > 0) {
                throw new ConflictException(number == null ? "phone" : "number", dialled + " is on a do-not-call list");
            }
            checkOwners(c, order);
            int priority = CallbackTasks.priority(order.priority(), "priority");
            String subject = CallbackTasks.subject(campaign, order.subject(), order.dueMillis(), "subject");
            long callbackId = Jdbc.insert(c, """
                    INSERT INTO callbacks(campaign_id, contact_id, owner_user_id, owner_group_id, personal, due_millis, alarm_millis,
                      number, state, note, priority, subject, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) RETURNING id""",
                    campaignId, contactId, order.ownerUserId() >= 0 ? order.ownerUserId() : null,
                    order.ownerGroupId() >= 0 ? order.ownerGroupId() : null, order.ownerUserId() >= 0, order.dueMillis(),
                    order.alarmMillis() < 0 ? null : order.alarmMillis(), number, order.note() == null ? "" : order.note(),
                    priority, subject, createdBy);
            // Only from the state read above: the hopper may have taken the contact for a call meanwhile.
            int moved = Jdbc.update(c, """
                    UPDATE contacts SET state = 'CALLBACK', closed_reason = NULL, next_due_millis = ?, owner_agent_id = ?,
                      dial_number = ?, callback_id = ?
                    WHERE id = ? AND state = ?""", order.dueMillis(), order.ownerUserId() >= 0 ? order.ownerUserId() : -1, number,
                    callbackId, contactId, contact.state());
            if (moved == 0) {
                throw new ConflictException("state", "the contact was just handed to the dialler; try again after its call");
            }
            WebhookEvents.callbackCreated(c, callbackId, nowMillis);
            return Jdbc.one(c, "SELECT * FROM callbacks WHERE id = ?", Callback::of, callbackId).orElseThrow();
        });
    }

    private static void checkState(Contact contact) {
        ContactState state = contact.state();
        if (state == ContactState.DIALING || state == ContactState.AWAITING_OUTCOME) {
            throw new ConflictException("state", "the contact is " + state + "; schedule the callback once its call is done");
        }
        if (state == ContactState.CALLBACK) {
            throw new ConflictException("state", "the contact already has an open callback; mark it done first");
        }
        if (state == ContactState.ARCHIVED) {
            throw new ConflictException("state", "the contact is archived (no longer in the list)");
        }
        if ("DO_NOT_CALL".equals(contact.closedReason())) {
            throw new ConflictException("state", "the contact asked not to be called");
        }
    }

    private static void checkOwners(Connection c, CallbackOrder order) throws SQLException {
        if (order.ownerUserId() >= 0 && Jdbc.number(c, "SELECT COUNT(*) FROM users WHERE id = ?", order.ownerUserId()) == 0) {
            throw new InvalidFieldException("ownerUserId", "no such user: " + order.ownerUserId());
        }
        if (order.ownerGroupId() >= 0 && Jdbc.number(c, "SELECT COUNT(*) FROM user_groups WHERE id = ?", order.ownerGroupId()) == 0) {
            throw new InvalidFieldException("ownerGroupId", "no such group: " + order.ownerGroupId());
        }
    }

    private static String e164(String raw, Campaign campaign) {
        try {
            return PhoneNumbers.e164(raw, campaign.defaultRegion());
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("number", e.problem());
        }
    }
}
