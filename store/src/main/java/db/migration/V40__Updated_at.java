package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives contacts, callbacks and activities an {@code updated_millis} (epoch ms of the last insert or change) for
 * incremental sync ({@code ?updatedSince=}), kept by the database itself with triggers: the hopper, the journal,
 * outcomes, imports and the API all change these rows, and a writer that forgot the column would make a change
 * invisible to every client that syncs. In Java because the triggers are written differently in the two dialects.
 *
 * <p>The time is the database's clock at the change ({@code clock_timestamp()}, not the transaction's start), so a
 * change becomes visible only when its transaction commits, possibly after rows with later times: clients sync
 * with an overlap (docs/api.md).
 */
public final class V40__Updated_at extends BaseJavaMigration {

    private static final String[] TABLES = {"contacts", "callbacks", "activities"};
    private static final String SQLITE_NOW = "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean sqlite = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite");
        long nowMillis = System.currentTimeMillis();
        try (Statement s = c.createStatement()) {
            if (!sqlite) {
                s.execute("CREATE OR REPLACE FUNCTION pacer_touch_updated() RETURNS trigger AS $$ BEGIN "
                        + "NEW.updated_millis := (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT; RETURN NEW; END $$ "
                        + "LANGUAGE plpgsql");
            }
            for (String table : TABLES) {
                s.execute("ALTER TABLE " + table + " ADD COLUMN updated_millis BIGINT NOT NULL DEFAULT 0");
                // Rows from before the column count as changed now: a first sync takes everything anyway.
                s.execute("UPDATE " + table + " SET updated_millis = " + nowMillis);
                // Contacts are synced per campaign; calls and callbacks across campaigns (an agent's, a CRM's).
                s.execute("CREATE INDEX " + table + "_updated ON " + table
                        + (table.equals("contacts") ? "(campaign_id, updated_millis)" : "(updated_millis)"));
                if (sqlite) {
                    // SQLite's BEFORE triggers cannot change NEW: the row is stamped right after. Recursive triggers
                    // are off, and the WHEN lets a writer that sets the column itself keep its value.
                    s.execute("CREATE TRIGGER " + table + "_stamp_insert AFTER INSERT ON " + table + " BEGIN UPDATE " + table
                            + " SET updated_millis = " + SQLITE_NOW + " WHERE id = NEW.id; END");
                    s.execute("CREATE TRIGGER " + table + "_stamp_update AFTER UPDATE ON " + table
                            + " WHEN NEW.updated_millis = OLD.updated_millis BEGIN UPDATE " + table
                            + " SET updated_millis = " + SQLITE_NOW + " WHERE id = NEW.id; END");
                } else {
                    s.execute("CREATE TRIGGER " + table + "_stamp BEFORE INSERT OR UPDATE ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION pacer_touch_updated()");
                }
            }
        }
    }
}
