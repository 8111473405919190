package io.pacer.store.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * The one JDBC layer behind every repository: opens the database, migrates its schema with Flyway and runs
 * work in transactions.
 *
 * <p>SQLite allows one writer at a time, so writes go through a single connection taken in turn (the journal,
 * the hopper's refill and the API queue for it briefly) while reads use their own connections, which WAL lets
 * run beside the writer. PostgreSQL takes writes concurrently, so there every connection of the pool writes.
 * None of this runs on the engine's core thread: the core talks to storage only through the hopper and the
 * journal queues.
 */
public final class Database implements AutoCloseable {

    private static final int READERS = 4;

    private final Dialect dialect;
    private final String url;
    private final Properties properties;
    private final BlockingQueue<Connection> readers;
    private final BlockingQueue<Connection> writers;
    private final ReentrantLock sqliteWriterTurn = new ReentrantLock(true);
    private final List<Connection> all = new ArrayList<>();

    private Database(String url, String user, String password) throws SQLException {
        this.url = url;
        this.dialect = Dialect.ofUrl(url);
        this.properties = connectionProperties(dialect, user, password);
        migrate(user, password);
        readers = new ArrayBlockingQueue<>(READERS);
        for (int i = 0; i < READERS; i++) {
            readers.add(open());
        }
        if (dialect == Dialect.SQLITE) {
            writers = new ArrayBlockingQueue<>(1);
            writers.add(open());
        } else {
            writers = readers;
        }
    }

    /**
     * Opens and migrates the database at {@code url}.
     *
     * @param user     user name (PostgreSQL) or {@code null}
     * @param password password (PostgreSQL) or {@code null}
     */
    public static Database open(String url, String user, String password) {
        try {
            return new Database(url, user, password);
        } catch (SQLException e) {
            throw new StorageException("cannot open " + url, e);
        }
    }

    /** The SQLite database file {@code pacer.db} in a data directory. */
    public static String sqliteUrl(java.nio.file.Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("pacer.db").toAbsolutePath();
    }

    /** Which SQL dialect this database speaks. */
    public Dialect dialect() {
        return dialect;
    }

    /** Runs work that changes data in one transaction; returns once it is committed. */
    public <T> T write(SqlWork<T> work) {
        boolean sqlite = dialect == Dialect.SQLITE;
        if (sqlite) {
            sqliteWriterTurn.lock();
        }
        try {
            return inTransaction(writers, work);
        } finally {
            if (sqlite) {
                sqliteWriterTurn.unlock();
            }
        }
    }

    /** Runs work that only reads, in one transaction (a consistent snapshot). */
    public <T> T read(SqlWork<T> work) {
        return inTransaction(readers, work);
    }

    private <T> T inTransaction(BlockingQueue<Connection> pool, SqlWork<T> work) {
        Connection connection;
        try {
            connection = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted waiting for a connection", e);
        }
        try {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new StorageException(e.getMessage(), e);
            }
        } finally {
            pool.add(connection);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    private Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(false);
        all.add(connection);
        return connection;
    }

    private static Properties connectionProperties(Dialect dialect, String user, String password) {
        Properties properties;
        if (dialect == Dialect.SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // NORMAL under WAL survives a process crash (kill -9); only power loss can drop the last commits.
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(30_000);
            properties = config.toProperties();
        } else {
            properties = new Properties();
            // Lets the driver send a batch of inserts as one multi-row statement: the import's speed.
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    private void migrate(String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .placeholders(dialect.migrationPlaceholders())
                // Migrations are numbered in ranges per line of work (V3+, V10+, V20+) and may land in any order:
                // a database that already has a later one must still take an earlier one it lacks.
                .outOfOrder(true)
                .load()
                .migrate();
    }

    @Override
    public void close() {
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing on shutdown: nothing left to do with a failure
            }
        }
    }
}
