package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CallerIdMode;
import io.pacer.store.campaign.DialingRules;
import io.pacer.store.campaign.CallerIds;
import io.pacer.store.contact.ContactList;
import io.pacer.store.contact.ContactNumber;
import io.pacer.store.contact.ListCounts;
import java.util.List;

/**
 * Lists and numbers: a contact's numbers (its attempt chain), a campaign's lists and their dialable counts, and
 * its dialling rules (treatments, caller-ID choice). Every change is committed before the answer; the running
 * hopper reads lists and rules again within a second.
 */
public final class DialingService {

    private final Storage storage;

    /** The workflows over storage. */
    public DialingService(Storage storage) {
        this.storage = storage;
    }

    /**
     * A contact's numbers and the display number each would present (the campaign's caller-ID choice for that
     * number; the agent previewing the contact may pick another of {@code displayNumbers}).
     *
     * @param numbers        in chain order
     * @param callerIds      per number, the display number the campaign's choice gives it ({@code null}: the trunk's)
     * @param displayNumbers the campaign's display numbers
     */
    public record Numbers(List<ContactNumber> numbers, List<String> callerIds, List<String> displayNumbers) {
    }

    /** A contact's numbers. */
    public Numbers numbers(long campaignId, long contactId) {
        return withCallerIds(campaignId, storage.numbers().list(campaignId, contactId));
    }

    /** Replaces a contact's numbers. */
    public Numbers replaceNumbers(long campaignId, long contactId, List<ContactNumber> numbers) {
        return withCallerIds(campaignId, storage.numbers().replace(campaignId, contactId, numbers));
    }

    private Numbers withCallerIds(long campaignId, List<ContactNumber> numbers) {
        Campaign campaign = storage.campaigns().get(campaignId);
        CallerIdMode mode = storage.dialingRules().get(campaignId).callerIdMode();
        CallerIds choice = new CallerIds();
        List<String> callerIds = numbers.stream().map(n -> {
            String chosen = choice.choose(mode == CallerIdMode.ROTATE ? CallerIdMode.LOCAL : mode, campaign.displayNumbers(), n.number());
            return chosen != null ? chosen : campaign.displayNumbers().isEmpty() ? null : campaign.displayNumbers().get(0);
        }).toList();
        return new Numbers(numbers, callerIds, campaign.displayNumbers());
    }

    /** A campaign's lists. */
    public List<ContactList> lists(long campaignId) {
        return storage.lists().list(campaignId);
    }

    /** Creates or changes a list. */
    public ContactList saveList(ContactList list) {
        storage.campaigns().get(list.campaignId());
        return storage.lists().save(list);
    }

    /** Deletes a list (its contacts go to the default list). */
    public void deleteList(long campaignId, long listId) {
        storage.lists().delete(campaignId, listId);
    }

    /** Moves contacts into a list (0: the default list). */
    public int assign(long campaignId, long listId, List<Long> contactIds) {
        return storage.lists().assign(campaignId, listId == 0 ? -1 : listId, contactIds);
    }

    /** Each list's contacts by whether they are dialable now and why not. */
    public List<ListCounts> dialable(long campaignId) {
        return storage.lists().counts(campaignId, storage.clock().epochMillis());
    }

    /** The campaign's dialling rules. */
    public DialingRules rules(long campaignId) {
        return storage.dialingRules().get(campaignId);
    }

    /** Replaces the campaign's dialling rules. */
    public DialingRules putRules(long campaignId, DialingRules rules) {
        return storage.dialingRules().put(campaignId, rules);
    }
}
