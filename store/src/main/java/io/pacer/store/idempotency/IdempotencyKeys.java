package io.pacer.store.idempotency;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.util.Optional;

/**
 * The durable record of {@code Idempotency-Key}s: a key is claimed before its request runs (so two concurrent
 * requests with one key cannot both create), then holds the first answer for a day. Keys are per user: two users
 * may pick the same key without seeing each other's answers.
 */
public final class IdempotencyKeys {

    /** How long a key is remembered (24 hours). */
    public static final long RETENTION_MILLIS = 24L * 60 * 60 * 1000;

    private final Database db;

    /** Keys in a database. */
    public IdempotencyKeys(Database db) {
        this.db = db;
    }

    /**
     * What is known of a key.
     *
     * @param requestHash the hash of the request that claimed it
     * @param status      the answer's status, or 0 while that request runs
     * @param location    the answer's {@code Location}, or {@code null}
     * @param body        the answer's body, or {@code null}
     */
    public record Entry(String requestHash, int status, String location, String body) {
    }

    /**
     * Claims a key for a request, or returns what an earlier request under it left (claim or answer) when that is
     * less than a day old. An older entry is forgotten and the key claimed afresh.
     */
    public Optional<Entry> claim(long userId, String key, String requestHash, long nowMillis) {
        return db.write(c -> {
            Optional<Entry> earlier = Jdbc.one(c, "SELECT request_hash, status, location, body FROM idempotency_keys "
                    + "WHERE user_id = ? AND idem_key = ? AND created_millis >= ?",
                    rs -> new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)), userId, key,
                    nowMillis - RETENTION_MILLIS);
            if (earlier.isPresent()) {
                return earlier;
            }
            Jdbc.update(c, "DELETE FROM idempotency_keys WHERE user_id = ? AND idem_key = ?", userId, key);
            // Forgetting expired keys here keeps the table at a day's worth of creates without a sweeper thread.
            Jdbc.update(c, "DELETE FROM idempotency_keys WHERE created_millis < ?", nowMillis - RETENTION_MILLIS);
            if (Jdbc.update(c, "INSERT INTO idempotency_keys(user_id, idem_key, request_hash, created_millis) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (user_id, idem_key) DO NOTHING", userId, key, requestHash, nowMillis) == 0) {
                // Another request claimed the key a moment ago (PostgreSQL writes concurrently): it runs, or has run.
                return Jdbc.one(c, "SELECT request_hash, status, location, body FROM idempotency_keys WHERE user_id = ? AND idem_key = ?",
                        rs -> new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)), userId, key);
            }
            return Optional.<Entry>empty();
        });
    }

    /** Keeps the answer to a claimed key, to replay it. */
    public void complete(long userId, String key, int status, String location, String body) {
        db.write(c -> Jdbc.update(c, "UPDATE idempotency_keys SET status = ?, location = ?, body = ? WHERE user_id = ? AND idem_key = ?",
                status, location, body, userId, key));
    }

    /** Gives up a claim whose request was refused or failed, so that the client may retry it under the same key. */
    public void release(long userId, String key) {
        db.write(c -> Jdbc.update(c, "DELETE FROM idempotency_keys WHERE user_id = ? AND idem_key = ? AND status IS NULL", userId, key));
    }
}
