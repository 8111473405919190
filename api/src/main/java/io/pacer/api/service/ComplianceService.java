package io.pacer.api.service;

import io.pacer.engine.campaign.Regime;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.compliance.AbandonedCalls;
import io.pacer.store.compliance.CampaignMessages;
import io.pacer.store.compliance.ContactConsent;
import io.pacer.store.compliance.DialRefusals;
import io.pacer.store.compliance.RefusalReason;
import io.pacer.store.error.NotFoundException;
import java.util.List;
import java.util.Locale;

/**
 * The compliance workflows beyond the audit's figures (issue 12): a campaign's safe-harbour message uploaded,
 * read and removed; a contact's consent given, read and withdrawn; contacts assured; the audit's lists of abandoned calls (with
 * their message latency) and of contacts not dialled (with the reason), over the last days, as pages or CSV.
 */
public final class ComplianceService {

    private static final long DAY_MILLIS = 86_400_000L;
    private final Storage storage;

    /** Workflows over {@code storage}. */
    public ComplianceService(Storage storage) {
        this.storage = storage;
    }

    /** Stores {@code wav} as the campaign's message under {@code name}; the SIP adapter plays it from now on. */
    public CampaignMessages.Stored uploadMessage(long campaignId, String name, byte[] wav) {
        storage.campaigns().get(campaignId);
        return storage.messages().upload(campaignId, name, wav, storage.clock().epochMillis());
    }

    /** The campaign's uploaded message; not found when it has none. */
    public CampaignMessages.Stored message(long campaignId) {
        storage.campaigns().get(campaignId);
        return storage.messages().get(campaignId).orElseThrow(() -> new NotFoundException("message", campaignId));
    }

    /** Removes the campaign's uploaded message; not found when it has none. */
    public void deleteMessage(long campaignId) {
        storage.campaigns().get(campaignId);
        if (!storage.messages().delete(campaignId)) {
            throw new NotFoundException("message", campaignId);
        }
    }

    /** Records a contact's consent. */
    public ContactConsent.Consent giveConsent(long campaignId, long contactId, ContactConsent.Consent consent) {
        return storage.consent().set(campaignId, contactId, consent, storage.clock().epochMillis());
    }

    /** The contact's consent; not found when it has none. */
    public ContactConsent.Consent consent(long campaignId, long contactId) {
        return storage.consent().get(campaignId, contactId).orElseThrow(() -> new NotFoundException("consent", contactId));
    }

    /** Withdraws a contact's consent. */
    public void withdrawConsent(long campaignId, long contactId) {
        storage.consent().withdraw(campaignId, contactId);
    }

    /** Marks a contact assured (dialled only with an agent reserved) or not; returns the mark. */
    public boolean assure(long campaignId, long contactId, boolean assured) {
        return storage.assurance().set(campaignId, contactId, assured, storage.clock().epochMillis());
    }

    /** Whether the contact is assured. */
    public boolean assured(long campaignId, long contactId) {
        return storage.assurance().get(campaignId, contactId);
    }

    /** The campaign's abandoned calls of the last {@code days} days, newest first, before {@code beforeId}. */
    public List<AbandonedCalls.Call> abandonedCalls(long campaignId, int days, long beforeId, int limit) {
        storage.campaigns().get(campaignId);
        long now = storage.clock().epochMillis();
        return storage.abandonedCalls().list(campaignId, now - days * DAY_MILLIS, now + 1, beforeId, limit);
    }

    /** The contacts the campaign did not dial in the last {@code days} days, newest first, of one reason or all. */
    public List<DialRefusals.Refusal> refusals(long campaignId, int days, String reason, long beforeId, int limit) {
        storage.campaigns().get(campaignId);
        long now = storage.clock().epochMillis();
        return storage.refusals().list(campaignId, now - days * DAY_MILLIS, now + 1, reason(reason), beforeId, limit);
    }

    /**
     * Every abandoned call of the last {@code days} days as CSV, with the deadline its message had to meet (empty
     * under a regime that sets none).
     */
    public String abandonedCallsCsv(long campaignId, int days) {
        Campaign campaign = storage.campaigns().get(campaignId);
        Regime regime = campaign.compliance().regime();
        StringBuilder csv = new StringBuilder("id,contact_id,number,outcome,answer_millis,end_millis,"
                + "message_latency_millis,message_deadline_millis\n");
        long before = 0;
        List<AbandonedCalls.Call> page;
        do {
            page = abandonedCalls(campaignId, days, before, 1000);
            for (AbandonedCalls.Call c : page) {
                csv.append(c.id()).append(',').append(c.contactId()).append(',').append(c.number()).append(',')
                        .append(c.outcome()).append(',').append(c.answerMillis() < 0 ? "" : c.answerMillis()).append(',')
                        .append(c.endMillis()).append(',')
                        .append(c.messageLatencyMicros() < 0 ? "" : String.format(Locale.ROOT, "%.3f", c.messageLatencyMicros() / 1e3))
                        .append(',').append(regime.messageDeadlineMillis() > 0 ? regime.messageDeadlineMillis() : "").append('\n');
                before = c.id();
            }
        } while (page.size() == 1000);
        return csv.toString();
    }

    /** Every refusal of the last {@code days} days as CSV, of one reason or all. */
    public String refusalsCsv(long campaignId, int days, String reason) {
        StringBuilder csv = new StringBuilder("id,contact_id,number,reason,at_millis,next_due_millis\n");
        long before = 0;
        List<DialRefusals.Refusal> page;
        do {
            page = refusals(campaignId, days, reason, before, 1000);
            for (DialRefusals.Refusal r : page) {
                csv.append(r.id()).append(',').append(r.contactId()).append(',').append(r.number()).append(',')
                        .append(r.reason()).append(',').append(r.atMillis()).append(',')
                        .append(r.nextDueMillis() < 0 ? "" : r.nextDueMillis()).append('\n');
                before = r.id();
            }
        } while (page.size() == 1000);
        return csv.toString();
    }

    private static RefusalReason reason(String name) {
        if (name == null) {
            return null;
        }
        try {
            return RefusalReason.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.pacer.store.error.InvalidFieldException("reason",
                    "must be one of hours, unknown_zone, do_not_call, lockout, consent, was " + name);
        }
    }
}
