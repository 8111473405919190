package io.pacer.store;

import io.pacer.store.db.Database;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void migratesTheSchemaAndCommitsWrites(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long id = db.write(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "INSERT INTO users(name, role, token) VALUES ('ann', 'admin', 't1') RETURNING id")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            String name = db.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM users WHERE id = " + id)) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals("ann", name);
        }
    }
}
