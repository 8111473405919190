package db.migration;

import io.pacer.store.user.TokenHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Replaces every bearer token stored in plain text by its hash ({@link TokenHash}), so that tokens issued before
 * hashing keep working and none stays readable at rest. In Java because SQLite has no SHA-256 function; Flyway
 * finds it in its {@code db/migration} location beside the SQL scripts.
 */
public final class V11__Hash_tokens extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Map<Long, String> plain = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, token FROM users"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getString(2).startsWith(TokenHash.PREFIX)) {
                    plain.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET token = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> e : plain.entrySet()) {
                ps.setString(1, TokenHash.of(e.getValue()));
                ps.setLong(2, e.getKey());
                ps.executeUpdate();
            }
        }
    }
}
