package io.pacer.store.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pacer.engine.core.SystemClock;
import io.pacer.store.Storage;
import io.pacer.store.campaign.CallerIdMode;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.DialingRules;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ContactList;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.contact.ListCounts;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hopper's claim on both databases: the campaign's lists share the dials by weight, an inactive list gets
 * none, display numbers rotate or follow the contact's area, and the dialable counts say why a contact is not.
 */
class ContactClaimTest {

    private static void importInto(Storage storage, long campaignId, long listId, String prefix, int count) {
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append(1_000_000 + i).append('\n');
        }
        storage.importer().importCsv(campaignId, new StringReader(csv.toString()), ',',
                new ColumnMapping(List.of("phone"), null, List.of(), null, List.of(), listId), ImportMode.APPEND, "test",
                System.currentTimeMillis());
    }

    private static List<HopperEntry> claim(Storage storage, ContactClaim claim, long campaignId, int limit) {
        Campaign campaign = storage.campaigns().get(campaignId);
        return storage.db().write(c -> {
            claim.reload(c, campaignId);
            return claim.claim(c, campaign, storage.doNotCall(), System.currentTimeMillis(), limit);
        });
    }

    private static Map<Long, Integer> byList(Storage storage, List<HopperEntry> entries) {
        Map<Long, Integer> out = new HashMap<>();
        for (HopperEntry e : entries) {
            Long list = storage.db().read(c -> Jdbc.one(c, "SELECT list_id FROM contacts WHERE id = ?",
                    rs -> Jdbc.nullableLong(rs, "list_id"), e.contactId()).orElseThrow());
            out.merge(list == null ? -1L : list, 1, Integer::sum);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void listsShareTheDialsByWeightAndAnInactiveListGetsNone(Supplier<Database> database) {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = AttemptChainTest.campaign(storage, "Weights", List.of()).id();
            ContactList a = storage.lists().save(new ContactList(0, id, "A", 3, true, -1));
            ContactList b = storage.lists().save(new ContactList(0, id, "B", 1, true, -1));
            ContactList off = storage.lists().save(new ContactList(0, id, "Off", 5, false, -1));
            importInto(storage, id, a.id(), "+49301", 60);
            importInto(storage, id, b.id(), "+49302", 60);
            importInto(storage, id, off.id(), "+49303", 60);
            ContactClaim claim = new ContactClaim();
            Map<Long, Integer> shares = byList(storage, claim(storage, claim, id, 40));
            assertEquals(30, shares.get(a.id()), shares.toString());
            assertEquals(10, shares.get(b.id()), shares.toString());
            assertEquals(null, shares.get(off.id()), "an inactive list is not dialled");

            ListCounts counted = storage.lists().counts(id, System.currentTimeMillis()).stream()
                    .filter(k -> k.listId() == a.id()).findFirst().orElseThrow();
            assertEquals(30, counted.dialable());
            assertEquals(30, counted.inProgress());
            InvalidFieldException e = assertThrows(InvalidFieldException.class,
                    () -> storage.lists().save(new ContactList(0, id, "Zero", 0, true, -1)));
            assertEquals("weight", e.field());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void countsSayWhyContactsAreNotDialable(Supplier<Database> database) {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = AttemptChainTest.campaign(storage, "Counts", List.of()).id();
            importInto(storage, id, -1, "+49304", 5);
            long now = System.currentTimeMillis();
            storage.db().write(c -> {
                Jdbc.update(c, "UPDATE contacts SET state = 'EXHAUSTED' WHERE phone = '+493041000000'");
                Jdbc.update(c, "UPDATE contacts SET next_due_millis = ? WHERE phone = '+493041000001'", now + 3_600_000);
                Jdbc.update(c, "UPDATE contacts SET state = 'CLOSED', closed_reason = 'NO_CONSENT' WHERE phone = '+493041000002'");
                return null;
            });
            storage.doNotCall().add(id, "+493041000003", now);
            ListCounts k = storage.lists().counts(id, now).get(0);
            assertEquals(new ListCounts(0, 1, 0, 1, 1, 1, 1, 0, 0), k);
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void displayNumbersRotateOrFollowTheContactsArea(Supplier<Database> database) {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            List<String> display = List.of("+4930555000", "+4989555000", "+4940555000");
            long id = AttemptChainTest.campaign(storage, "CallerIds", display).id();
            importInto(storage, id, -1, "+49891", 3);
            importInto(storage, id, -1, "+49301", 3);
            storage.dialingRules().put(id, new DialingRules(CallerIdMode.LOCAL, Map.of()));
            for (HopperEntry e : claim(storage, new ContactClaim(), id, 6)) {
                String area = e.number().substring(0, 5);
                assertEquals(area, e.callerId().substring(0, 5), "local presence for " + e.number());
            }
            storage.db().write(c -> Jdbc.update(c, "UPDATE contacts SET state = 'READY'"));
            storage.dialingRules().put(id, new DialingRules(CallerIdMode.ROTATE, Map.of()));
            List<String> rotated = claim(storage, new ContactClaim(), id, 6).stream().map(HopperEntry::callerId).toList();
            assertEquals(List.of(display.get(0), display.get(1), display.get(2), display.get(0), display.get(1), display.get(2)), rotated);
        }
    }
}
