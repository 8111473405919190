package io.pacer.api;

import io.pacer.engine.control.EngineControl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pacer.engine.core.SystemClock;
import io.pacer.store.db.Database;
import io.pacer.store.user.Role;
import io.pacer.store.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportDirectoryTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void importsAFileDroppedInTheImportDirectoryAndNothingOutsideIt(Supplier<Database> db) throws Exception {
        Path dir = Files.createTempDirectory("pacer-imports");
        Files.writeString(dir.resolve("list.csv"), "phone;name\n+4930111111;A\n+4930222222;B\n");
        try (Storage storage = Storage.over(db.get(), "engine-test", SystemClock.INSTANCE);
             ApiServer server = new ApiServer(storage, EngineControl.NONE, "127.0.0.1", 0, dir)) {
            storage.users().ensure("admin", Role.ADMIN, "admin-token");
            ApiHarness api = ApiHarness.client(server.port(), "admin-token");
            long id = api.campaign("");
            ApiHarness.Reply r = api.importCsv(id, "APPEND", "", "&file=list.csv&separator=%3B");
            assertEquals(201, r.status(), r.text());
            assertEquals(2, r.get("imported").asLong());
            assertEquals("file", api.importCsv(id, "APPEND", "", "&file=../etc/passwd").get("error").get("field").asText());
            assertEquals(404, api.importCsv(id, "APPEND", "", "&file=missing.csv").status());
            Path outside = Files.createTempFile("pacer-outside", ".csv");
            Files.writeString(outside, "phone;name\n+4930333333;Secret\n");
            Files.createSymbolicLink(dir.resolve("link.csv"), outside);
            assertEquals(404, api.importCsv(id, "APPEND", "", "&file=link.csv&separator=%3B").status(),
                    "a symbolic link out of the import directory is not followed");
            assertEquals(2, storage.contacts().countByState(id).get(io.pacer.store.contact.ContactState.READY));
        }
    }
}
