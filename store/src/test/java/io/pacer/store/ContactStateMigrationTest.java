package io.pacer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pacer.pacing.DialMode;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.contact.ContactRepository;
import io.pacer.store.contact.ContactState;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Migration V2: a contact an older engine left in flight, stored as DIALLING, is DIALING afterwards. */
class ContactStateMigrationTest {

    static Stream<Named<String[]>> databases() {
        return Stream.of(Named.of("sqlite", new String[] {TestDatabases.sqliteUrl(), null}),
                Named.of("postgresql", new String[] {TestDatabases.postgresqlUrl(), "postgres"}));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void renamesContactsStoredAsDiallingBeforeVersionTwo(String[] db) {
        long campaignId;
        long contactId;
        try (Database before = Database.open(db[0], db[1], null)) {
            campaignId = new CampaignRepository(before).create(campaign(), 0).id();
            contactId = new ContactRepository(before).add(campaignId, "+493012345678", "", Map.of(), "Europe/Berlin", 0).id();
            before.write(c -> {
                Jdbc.update(c, "UPDATE contacts SET state = 'DIALLING' WHERE id = ?", contactId);
                // Forget that V2 ran, as on a database last opened by an engine of version 1: later migrations
                // (V10 users.disabled, V11 hashed tokens, with no user to hash here, V30 import reconciliation) are
                // undone as well.
                Jdbc.update(c, "ALTER TABLE users DROP COLUMN disabled");
                Jdbc.update(c, "ALTER TABLE contacts DROP COLUMN seen_import");
                Jdbc.update(c, "ALTER TABLE imports DROP COLUMN archived");
                return Jdbc.update(c, "DELETE FROM flyway_schema_history WHERE version IN ('2', '10', '11', '30')");
            });
        }
        try (Database after = Database.open(db[0], db[1], null)) {
            assertEquals(ContactState.DIALING, new ContactRepository(after).get(campaignId, contactId).state());
        }
    }

    private static Campaign campaign() {
        return new Campaign(0, "Migration", "", CampaignStatus.ENABLED, false, null, "UTC", DialMode.PROGRESSIVE, 1, 0,
                0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440, Campaign.DEFAULT_SUBJECT, true, "DE", List.of(), Map.of(),
                List.of(), List.of());
    }
}
