package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.contact.Contact;
import io.pacer.store.contact.ContactQuery;
import io.pacer.store.contact.PhoneNumbers;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.journal.Activity;
import io.pacer.store.journal.ActivityRepository;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A campaign's contacts one by one and the do-not-call lists. Numbers arrive as people write them and are
 * normalised to E.164 in the campaign's default region; a contact's time zone, unless given, is the number's.
 */
public final class ContactService {

    /** The region of numbers added to the global do-not-call list without a campaign or region. */
    private static final String GLOBAL_DO_NOT_CALL_REGION = "US";

    private final Storage storage;

    /** Contact workflows over storage. */
    public ContactService(Storage storage) {
        this.storage = storage;
    }

    /**
     * A contact's history.
     *
     * @param kase       its case in the campaign, {@code null} before its first call
     * @param activities its activities, oldest first
     */
    public record History(ActivityRepository.Case kase, List<Activity> activities) {
    }

    /** A page of a campaign's contacts by a query. */
    public ContactQuery.Page list(long campaignId, ContactQuery query) {
        return storage.contacts().list(campaignId, query);
    }

    /** Adds a contact, due now, unless its number is on a do-not-call list. */
    public Contact add(long campaignId, String phone, String name, Map<String, String> fields, String timeZone) {
        Campaign campaign = storage.campaigns().get(campaignId);
        PhoneNumbers.Normalised number = PhoneNumbers.normalise(phone, campaign.defaultRegion(), campaign.timeZone());
        if (storage.doNotCall().blocks(campaignId, number.e164())) {
            throw new ConflictException("phone", number.e164() + " is on the do-not-call list");
        }
        String zone = zoneOr(timeZone, number.timeZone());
        return storage.contacts().add(campaignId, number.e164(), name, fields, zone, storage.clock().epochMillis());
    }

    /** Changes what is given ({@code null} leaves it); a new number brings its time zone unless one is given. */
    public Contact edit(long campaignId, long contactId, String phone, String timeZone, String name,
            Map<String, String> fields, Long nextDueMillis) {
        Campaign campaign = storage.campaigns().get(campaignId);
        String e164 = null;
        String zone = zoneOr(timeZone, null);
        if (phone != null) {
            PhoneNumbers.Normalised number = PhoneNumbers.normalise(phone, campaign.defaultRegion(), campaign.timeZone());
            e164 = number.e164();
            zone = zone == null ? number.timeZone() : zone;
        }
        return storage.contacts().edit(campaignId, contactId, e164, zone, name, fields, nextDueMillis);
    }

    /** One contact. */
    public Contact get(long campaignId, long contactId) {
        return storage.contacts().get(campaignId, contactId);
    }

    /** Returns a contact stuck DIALING to the list (refused while an engine runs its campaign). */
    public Contact release(long campaignId, long contactId) {
        return storage.contacts().release(campaignId, contactId, storage.clock().epochMillis());
    }

    /** Deletes a contact. */
    public void delete(long campaignId, long contactId) {
        storage.contacts().delete(campaignId, contactId);
    }

    /** The contact's case and activities. */
    public History history(long campaignId, long contactId) {
        storage.contacts().get(campaignId, contactId);
        return new History(storage.activities().caseOf(campaignId, contactId),
                storage.activities().ofContact(campaignId, contactId));
    }

    /** The numbers on a campaign's do-not-call list (0: the global list). */
    public List<String> doNotCallNumbers(long campaignId) {
        return storage.doNotCall().list(campaignId);
    }

    /**
     * Adds a number to a campaign's do-not-call list (0: the global list), read in {@code region}, else the
     * campaign's default region.
     *
     * @return the number in E.164
     */
    public String addDoNotCall(long campaignId, String phone, String region) {
        String defaultRegion = campaignId == 0 ? GLOBAL_DO_NOT_CALL_REGION : storage.campaigns().get(campaignId).defaultRegion();
        String e164 = PhoneNumbers.e164(phone, region == null ? defaultRegion : region);
        storage.doNotCall().add(campaignId, e164, storage.clock().epochMillis());
        return e164;
    }

    /** Removes a number from a campaign's do-not-call list (0: the global list), or not found. */
    public void removeDoNotCall(long campaignId, String e164) {
        if (!storage.doNotCall().remove(campaignId, e164)) {
            throw new NotFoundException("phone", e164);
        }
    }

    private static String zoneOr(String given, String fallback) {
        if (given == null) {
            return fallback;
        }
        try {
            return ZoneId.of(given).getId();
        } catch (DateTimeException e) {
            throw new InvalidFieldException("timeZone", "not a time zone id: " + given);
        }
    }
}
