package io.pacer.store.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of database work run inside one transaction by {@link Database}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {

    /** Runs on a connection whose transaction commits when this returns and rolls back when it throws. */
    T run(Connection connection) throws SQLException;
}
