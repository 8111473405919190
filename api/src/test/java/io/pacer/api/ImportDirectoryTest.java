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
            Path outside = Files.createTempFile("pacer-secret", ".csv");
            Files.writeString(outside, "phone,name\n+4930333333;Secret\n");
            Files.createSymbolicLink(dir.resolve("escape.csv"), outside);
            ApiHarness.Reply escape = api.importCsv(id, "APPEND", "", "&file=escape.csv");
            assertEquals(403, escape.status(), escape.text());
            assertEquals("file", escape.get("errors").get(0).get("field").asText());
            assertEquals(2, api.get("/api/v1/campaigns/" + id + "/contacts", api.adminToken).json().size(),
                    "nothing was imported through the link");
        }
    }
}
