package io.pacer.store.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.Storage;
import io.pacer.store.callback.CallbackOrder;
import io.pacer.store.callback.CallbackScheduler;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.user.Role;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hopper hands the core a callback with its team, so that the core gives it to nobody else: a team callback
 * with its group's members, a personal one with its owner's team mates (where it may go after the grace) and the
 * time it fell due; a contact that is no callback with neither. Both databases.
 */
class CallbackTeamsTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aTeamCallbackCarriesItsTeamAndAPersonalOneItsOwnersTeamAndDueTime(Supplier<Database> database) throws Exception {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = AttemptChainTest.campaign(storage, "Teams", List.of()).id();
            storage.importer().importCsv(id, new StringReader("phone\n+4930100001\n+4930100002\n+4930100003\n"), ',',
                    new io.pacer.store.contact.ColumnMapping(List.of("phone"), null, List.of(), null),
                    io.pacer.store.contact.ImportMode.APPEND, "test", System.currentTimeMillis());
            long ann = storage.users().create("ann", Role.AGENT, "t-ann").id();
            long bob = storage.users().create("bob", Role.AGENT, "t-bob").id();
            long eve = storage.users().create("eve", Role.AGENT, "t-eve").id();
            long blue = storage.users().createGroup("blue", List.of(ann, bob));
            List<Long> contacts = storage.db().read(c -> Jdbc.query(c,
                    "SELECT id FROM contacts WHERE campaign_id = ? ORDER BY id", rs -> rs.getLong(1), id));
            long now = System.currentTimeMillis();
            CallbackScheduler scheduler = new CallbackScheduler(storage.db());
            scheduler.schedule(id, contacts.get(0), new CallbackOrder(now + 60_000, null, -1, blue, -1, "team"), eve, now);
            scheduler.schedule(id, contacts.get(1), new CallbackOrder(now + 60_000, null, ann, -1, -1, "personal"), eve, now);
            long due = now - 1_000;
            storage.db().write(c -> Jdbc.update(c, "UPDATE contacts SET next_due_millis = ? WHERE campaign_id = ?", due, id));
            storage.startCampaign(id);

            Map<Long, ContactSlot> slots = new HashMap<>();
            while (slots.size() < 3) {
                ContactSlot slot = AttemptChainTest.awaitNext(storage, id);
                ContactSlot copy = new ContactSlot();
                copy.ownerAgentId = slot.ownerAgentId;
                copy.team = slot.team;
                copy.dueMillis = slot.dueMillis;
                slots.put(slot.contactId, copy);
            }
            ContactSlot team = slots.get(contacts.get(0));
            assertEquals(-1, team.ownerAgentId);
            assertTrue(team.team.allows((int) ann) && team.team.allows((int) bob));
            assertFalse(team.team.allows((int) eve), "only the group's members take a team callback");
            assertEquals(due, team.dueMillis);
            ContactSlot personal = slots.get(contacts.get(1));
            assertEquals(ann, personal.ownerAgentId);
            assertTrue(personal.team.allows((int) bob), "the owner's team mate, for after the grace");
            assertFalse(personal.team.allows((int) eve));
            assertEquals(due, personal.dueMillis);
            ContactSlot plain = slots.get(contacts.get(2));
            assertNull(plain.team);
            assertEquals(0, plain.dueMillis);
        }
    }
}
