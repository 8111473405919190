package io.pacer.store.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.core.SystemClock;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Imports that never lose a row silently, on both databases. */
class CsvImportTest {

    private static final ColumnMapping PHONE_NAME_NOTES = new ColumnMapping(List.of("phone"), "name", List.of("notes"), null);

    private static long campaign(Storage storage) {
        return storage.campaigns().create(new Campaign(0, "Imports", "", CampaignStatus.ENABLED, false, null, "UTC",
                DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440, Campaign.DEFAULT_SUBJECT,
                true, "DE", List.of(), Map.of(), List.of(), List.of()), System.currentTimeMillis()).id();
    }

    private static ImportReport run(Storage storage, long id, String csv, ColumnMapping mapping, ImportMode mode, boolean dryRun) {
        return storage.importer().importCsv(id, new StringReader(csv), ',', mapping, mode, "test", System.currentTimeMillis(), dryRun);
    }

    private static long count(Storage storage, String sql, Object... args) {
        return storage.db().read(c -> Jdbc.number(c, sql, args));
    }

    private static Contact byPhone(Storage storage, long campaignId, String phone) {
        long id = storage.db().read(c -> Jdbc.number(c, "SELECT id FROM contacts WHERE campaign_id = ? AND phone = ?", campaignId, phone));
        return storage.contacts().get(campaignId, id);
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aStrayQuoteRejectsItsOwnLineOnlyAndTheOtherRowsGoIn(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage);
            StringBuilder csv = new StringBuilder("phone,name,notes\n");
            for (int i = 0; i < 100; i++) {
                csv.append("+4930").append(3_000_000 + i).append(i == 0 ? ",\"Ann,x\n" : ",Bob,y\n");
            }
            ImportReport report = run(storage, id, csv.toString(), PHONE_NAME_NOTES, ImportMode.APPEND, false);
            assertEquals(100, report.rowsRead());
            assertEquals(99, report.imported());
            assertEquals(1, report.rejected());
            assertEquals(2, report.errors().get(0).line(), "the stray quote is on line 2");
            assertTrue(report.errors().get(0).reason().contains("quote"), report.errors().get(0).reason());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aByteOrderMarkBeforeTheHeaderIsDropped(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage);
            ImportReport report = run(storage, id, "\uFEFFphone,name,notes\r\n+4930111111,Ann,\"a \"\"quoted\"\"\r\nnote\"\r\n",
                    PHONE_NAME_NOTES, ImportMode.APPEND, false);
            assertEquals(1, report.imported(), report.errors().toString());
            assertEquals("a \"quoted\"\nnote", byPhone(storage, id, "+4930111111").fields().get("notes"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void replaceReconcilesKeepingRowsAndArchivingTheRest(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage);
            run(storage, id, "phone,name,notes\n+4930111111,Ann,a\n+4930111112,Bob,b\n", PHONE_NAME_NOTES, ImportMode.APPEND, false);
            Contact ann = byPhone(storage, id, "+4930111111");
            long due2030 = 1_900_000_000_000L;
            storage.db().write(c -> Jdbc.update(c, "UPDATE contacts SET state = 'CALLBACK', next_due_millis = ?, attempts = 2 WHERE id = ?",
                    due2030, ann.id()));
            ImportReport report = run(storage, id, "phone,name,notes\n+4930111111,Ann B,a2\n+4930111113,Cy,c\n",
                    PHONE_NAME_NOTES, ImportMode.REPLACE, false);
            assertEquals(1, report.imported());
            assertEquals(1, report.merged());
            assertEquals(1, report.archived());
            Contact kept = byPhone(storage, id, "+4930111111");
            assertEquals(ann.id(), kept.id(), "a kept number keeps its id");
            assertEquals(ContactState.CALLBACK, kept.state(), "and its state");
            assertEquals(due2030, kept.nextDueMillis(), "and its callback time");
            assertEquals(2, kept.attempts());
            assertEquals("Ann B", kept.name());
            assertEquals(ContactState.ARCHIVED, byPhone(storage, id, "+4930111112").state(), "archived, not deleted");
            assertEquals(3L, count(storage, "SELECT COUNT(*) FROM contacts WHERE campaign_id = ?", id));

            ImportReport back = run(storage, id, "phone\n+4930111112\n", new ColumnMapping(List.of("phone"), null, List.of(), null),
                    ImportMode.APPEND, false);
            assertEquals(1, back.merged());
            Contact revived = byPhone(storage, id, "+4930111112");
            assertEquals(ContactState.READY, revived.state(), "a number imported again is back in the list");
            assertEquals("Bob", revived.name());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aReplaceWithNoValidRowChangesNothing(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage);
            run(storage, id, "phone,name,notes\n+4930111111,Ann,a\n", PHONE_NAME_NOTES, ImportMode.APPEND, false);
            ImportReport report = run(storage, id, "phone,name,notes\nnot-a-number,Bob,b\n", PHONE_NAME_NOTES, ImportMode.REPLACE, false);
            assertEquals(1, report.rejected());
            assertEquals(0, report.archived());
            assertEquals(ContactState.READY, byPhone(storage, id, "+4930111111").state());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void appendMergesOnlyTheColumnsTheFileHolds(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage);
            run(storage, id, "phone,name,notes\n+4930111111,Ann,keep me\n", PHONE_NAME_NOTES, ImportMode.APPEND, false);
            ImportReport report = run(storage, id, "phone,tier\n+4930111111,gold\n",
                    new ColumnMapping(List.of("phone"), null, List.of("tier"), null), ImportMode.APPEND, false);
            assertEquals(1, report.merged());
            Contact merged = byPhone(storage, id, "+4930111111");
            assertEquals("Ann", merged.name());
            assertEquals(Map.of("notes", "keep me", "tier", "gold"), merged.fields());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aDryRunReportsWhatWouldChangeAndStoresNothing(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage);
            run(storage, id, "phone,name,notes\n+4930111111,Ann,a\n+4930111112,Bob,b\n", PHONE_NAME_NOTES, ImportMode.APPEND, false);
            ImportReport dry = run(storage, id, "phone,name,notes\n+4930111111,Ann,a\n+4930111113,Cy,c\nbad,x,y\n",
                    PHONE_NAME_NOTES, ImportMode.REPLACE, true);
            assertTrue(dry.dryRun());
            assertEquals(0, dry.id());
            assertEquals(List.of(1L, 1L, 1L, 1L), List.of(dry.imported(), dry.merged(), dry.archived(), dry.rejected()));
            assertEquals(2L, count(storage, "SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND state = 'READY'", id));
            assertEquals(1, storage.importer().history(id).size(), "a dry run leaves no history");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aSeparatorThatIsAQuoteOrALineBreakIsRefused(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage);
            for (char separator : new char[] {'"', '\n', '\r'}) {
                InvalidFieldException refused = assertThrows(InvalidFieldException.class, () -> storage.importer().importCsv(id,
                        new StringReader("phone\n+4930111111\n"), separator, PHONE_NAME_NOTES, ImportMode.APPEND, "t", 0, false));
                assertEquals("separator", refused.field());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aMappedColumnTheHeaderNamesTwiceIsRefusedAndNothingIsStored(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage);
            run(storage, id, "phone,name,notes\n+4930111111,Ann,kept\n", PHONE_NAME_NOTES, ImportMode.APPEND, false);
            // Which "phone" holds the numbers would be a guess; a wrong one imports the wrong people silently.
            InvalidFieldException refused = assertThrows(InvalidFieldException.class, () -> run(storage, id,
                    "phone,name,phone,notes\n+4930222222,Bob,+4930333333,x\n", PHONE_NAME_NOTES, ImportMode.REPLACE, false));
            assertEquals("phone", refused.field());
            assertTrue(refused.getMessage().contains("two columns named phone"), refused.getMessage());
            assertEquals(1, count(storage, "SELECT COUNT(*) FROM contacts WHERE campaign_id = ?", id), "nothing stored");
            assertEquals("kept", byPhone(storage, id, "+4930111111").fields().get("notes"), "the list is as it was");
            // A column named twice that the mapping does not use is no ambiguity: the file goes in.
            ImportReport report = run(storage, id, "phone,name,notes,extra,extra\n+4930444444,Cy,n,1,2\n", PHONE_NAME_NOTES,
                    ImportMode.APPEND, false);
            assertEquals(1, report.imported(), report.errors().toString());
        }
    }
}
