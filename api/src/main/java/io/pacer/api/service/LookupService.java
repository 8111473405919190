package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.contact.Contact;
import io.pacer.store.contact.ContactLookup;
import io.pacer.store.contact.DoNotCallList;
import io.pacer.store.error.InvalidFieldException;
import java.util.List;

/**
 * The questions a CRM asks before it acts: which contacts are this person (by number or by the CRM's own id),
 * and may this number be called at all.
 */
public final class LookupService {

    private final ContactLookup lookup;

    /** Look-up workflows over storage. */
    public LookupService(Storage storage) {
        this.lookup = new ContactLookup(storage.db());
    }

    /**
     * Whether a number is blocked and by which lists.
     *
     * @param phone     the number as written (the E.164 form is in the answer)
     * @param blocked   with a campaign: whether that campaign may not dial it (global or its own list); without:
     *                  whether it is on the global list
     * @param global    on the global list
     * @param campaigns the campaigns whose own lists hold it
     */
    public record NumberBlock(String phone, boolean blocked, boolean global, List<Long> campaigns) {
    }

    /**
     * Contacts by number or by external id, in one campaign ({@code campaignId} > 0) or all; exactly one key must
     * be given.
     */
    public List<Contact> contacts(String phone, String externalId, long campaignId) {
        if ((phone == null) == (externalId == null)) {
            throw new InvalidFieldException(phone == null ? "phone" : "externalId", "give either phone or externalId (one of them)");
        }
        if (externalId != null) {
            if (externalId.isBlank()) {
                throw new InvalidFieldException("externalId", "must not be empty");
            }
            return lookup.byExternalId(externalId, campaignId);
        }
        return lookup.byPhone(lookup.e164(phone, campaignId), campaignId);
    }

    /** Whether a number is blocked, globally or for a campaign ({@code campaignId} > 0). */
    public NumberBlock blocked(String phone, long campaignId) {
        String e164 = lookup.e164(phone, campaignId);
        List<Long> lists = lookup.listsHolding(e164);
        boolean global = lists.contains(DoNotCallList.GLOBAL);
        List<Long> campaigns = lists.stream().filter(id -> id != DoNotCallList.GLOBAL).toList();
        boolean blocked = global || campaignId > 0 && campaigns.contains(campaignId);
        return new NumberBlock(e164, blocked, global, campaigns);
    }
}
