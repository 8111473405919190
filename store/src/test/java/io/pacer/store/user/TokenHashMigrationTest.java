package io.pacer.store.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.store.TestDatabases;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Migration V11: tokens an older engine stored in plain text are hashed at rest and keep working. */
class TokenHashMigrationTest {

    static Stream<Named<String[]>> databases() {
        return Stream.of(Named.of("sqlite", new String[] {TestDatabases.sqliteUrl(), null}),
                Named.of("postgresql", new String[] {TestDatabases.postgresqlUrl(), "postgres"}));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void hashesPlainTokensSoTheyStayValidButUnreadable(String[] db) {
        try (Database before = Database.open(db[0], db[1], null)) {
            before.write(c -> {
                // A user as an engine before V11 stored it, and a history that has not run V11 yet (nor V30, the
                // import reconciliation, which is undone too so that V11 is not out of order).
                Jdbc.update(c, "INSERT INTO users(name, role, token) VALUES ('old', 'AGENT', 'plain-token-of-old')");
                Jdbc.update(c, "ALTER TABLE contacts DROP COLUMN seen_import");
                Jdbc.update(c, "ALTER TABLE imports DROP COLUMN archived");
                return Jdbc.update(c, "DELETE FROM flyway_schema_history WHERE version IN ('11', '30')");
            });
        }
        try (Database after = Database.open(db[0], db[1], null)) {
            String stored = after.read(c -> Jdbc.one(c, "SELECT token FROM users WHERE name = 'old'", rs -> rs.getString(1)))
                    .orElseThrow();
            assertEquals(TokenHash.of("plain-token-of-old"), stored);
            assertTrue(stored.startsWith(TokenHash.PREFIX));
            assertEquals("old", new UserRepository(after).byToken("plain-token-of-old").orElseThrow().name());
        }
    }
}
