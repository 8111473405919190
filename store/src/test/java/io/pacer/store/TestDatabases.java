package io.pacer.store;

import io.pacer.store.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The two databases every storage and API test runs against: use as
 * {@code @MethodSource("io.pacer.store.TestDatabases#both")} and open the supplied database in the test.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A fresh SQLite file and a fresh PostgreSQL database, each opened and migrated on demand. */
    public static Stream<Named<Supplier<Database>>> both() {
        return Stream.of(Named.of("sqlite", TestDatabases::sqlite), Named.of("postgresql", TestDatabases::postgresql));
    }

    /**
     * A fresh SQLite and a fresh PostgreSQL database as {@code {url, user}} (user {@code null} for SQLite), for
     * tests that open the same database more than once (a restart).
     */
    public static Stream<Named<String[]>> bothUrls() {
        return Stream.of(Named.of("sqlite", new String[] {sqliteUrl(), null}),
                Named.of("postgresql", new String[] {postgresqlUrl(), "postgres"}));
    }

    /** A fresh SQLite database in a temporary data directory. */
    public static Database sqlite() {
        return Database.open(sqliteUrl(), null, null);
    }

    /** The URL of a fresh SQLite database file. */
    public static String sqliteUrl() {
        try {
            return Database.sqliteUrl(Files.createTempDirectory("pacer-sqlite"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh database on the shared test PostgreSQL server. */
    public static Database postgresql() {
        return Database.open(postgresqlUrl(), "postgres", null);
    }

    /** The URL of a fresh database on the shared test PostgreSQL server (user postgres, no password). */
    public static String postgresqlUrl() {
        return PostgresServer.get().newDatabaseUrl();
    }
}
