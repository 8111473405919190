package io.pacer.store.contact;

import io.pacer.store.db.Database;
import io.pacer.store.db.Dialect;
import io.pacer.store.db.FieldsJson;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.journal.HopperRefill;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A campaign's list: single contacts added, edited, deleted, filtered and sorted through the API. Bulk
 * loading is the CSV importer's; claiming due contacts is the hopper's ({@link HopperRefill}).
 */
public final class ContactRepository {

    private static final String BEING_DIALLED = "the contact is being dialled (if it is stuck, stop the campaign and"
            + " POST .../contacts/{contactId}/release)";

    private final Database db;

    /** Repository over a database. */
    public ContactRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds one contact, due now. The phone must already be E.164; a number already in the list is a conflict.
     */
    public Contact add(long campaignId, String e164, String name, Map<String, String> fields, String timeZone, long nowMillis) {
        return db.write(c -> {
            writable(c, campaignId);
            if (Jdbc.number(c, "SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND phone = ?", campaignId, e164) > 0) {
                throw new ConflictException("phone", "already in the list: " + e164);
            }
            long id = Jdbc.insert(c, """
                    INSERT INTO contacts(campaign_id, phone, name, fields, time_zone, state, next_due_millis)
                    VALUES (?, ?, ?, ?, ?, 'READY', ?) RETURNING id""",
                    campaignId, e164, name == null ? "" : name, FieldsJson.write(fields), timeZone, nowMillis);
            return get(c, campaignId, id);
        });
    }

    /**
     * Changes a contact's number, name, fields or next-due time (each {@code null} leaves it). A contact being
     * dialled is a conflict: the change would race the call's result.
     */
    public Contact edit(long campaignId, long contactId, String e164, String timeZone, String name,
            Map<String, String> fields, Long nextDueMillis) {
        return db.write(c -> {
            writable(c, campaignId);
            Contact old = get(c, campaignId, contactId);
            if (old.state() == ContactState.DIALING) {
                throw new ConflictException("state", BEING_DIALLED);
            }
            if (e164 != null && !e164.equals(old.phone())
                    && Jdbc.number(c, "SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND phone = ?", campaignId, e164) > 0) {
                throw new ConflictException("phone", "already in the list: " + e164);
            }
            Jdbc.update(c, "UPDATE contacts SET phone = ?, time_zone = ?, name = ?, fields = ?, next_due_millis = ? WHERE id = ?",
                    e164 == null ? old.phone() : e164, timeZone == null ? old.timeZone() : timeZone,
                    name == null ? old.name() : name, FieldsJson.write(fields == null ? old.fields() : fields),
                    nextDueMillis == null ? old.nextDueMillis() : nextDueMillis, contactId);
            if (e164 != null) {
                // The phone is the first number of a contact's chain: keep the two the same.
                Jdbc.update(c, "UPDATE contact_numbers SET number = ? WHERE contact_id = ? AND position = 0", e164, contactId);
            }
            return get(c, campaignId, contactId);
        });
    }

    /**
     * The operator's way out for a contact stuck DIALING: back to the list (READY, or CALLBACK when a callback
     * waits), due now, with no attempt booked. Refused while an engine holds the campaign's lock, because then
     * the contact may be in its hopper or in a call; stop the campaign (or clear a dead engine's lock) first.
     * A contact that is not DIALING is returned unchanged.
     */
    public Contact release(long campaignId, long contactId, long nowMillis) {
        return db.write(c -> {
            writable(c, campaignId);
            Contact old = get(c, campaignId, contactId);
            String owner = Jdbc.one(c, "SELECT COALESCE(lock_owner, '') FROM campaigns WHERE id = ?", rs -> rs.getString(1),
                    campaignId).orElse("");
            if (old.state() == ContactState.DIALING && !owner.isEmpty()) {
                throw new ConflictException("state", "the campaign is running on engine " + owner
                        + "; stop it (or clear the lock of an engine that is gone) before releasing its contacts");
            }
            Jdbc.update(c, "UPDATE contacts SET state = CASE WHEN callback_id IS NULL THEN 'READY' ELSE 'CALLBACK' END,"
                    + " next_due_millis = ? WHERE id = ? AND state = 'DIALING'", nowMillis, contactId);
            return get(c, campaignId, contactId);
        });
    }

    /** Deletes a contact; a contact being dialled is a conflict. */
    public void delete(long campaignId, long contactId) {
        db.write(c -> {
            writable(c, campaignId);
            Contact old = get(c, campaignId, contactId);
            if (old.state() == ContactState.DIALING) {
                throw new ConflictException("state", BEING_DIALLED);
            }
            return Jdbc.update(c, "DELETE FROM contacts WHERE id = ?", contactId);
        });
    }

    /** One contact, or not found naming {@code contactId}. */
    public Contact get(long campaignId, long contactId) {
        return db.read(c -> get(c, campaignId, contactId));
    }

    /**
     * One page of the contacts matching a query, in its order. Ordered by id, a page starts after
     * {@link ContactQuery#afterId()} (a keyset: a contact added or deleted meanwhile shifts nothing); other orders
     * page by offset. The total counts every match, whatever the page.
     */
    public ContactQuery.Page list(long campaignId, ContactQuery q) {
        if (q.limit() < 1 || q.limit() > 1000) {
            throw new InvalidFieldException("limit", "must be within 1..1000");
        }
        if (q.offset() < 0) {
            throw new InvalidFieldException("offset", "must not be negative");
        }
        StringBuilder where = new StringBuilder(" FROM contacts WHERE campaign_id = ?");
        List<Object> params = new ArrayList<>(List.of(campaignId));
        filter(q, where, params);
        StringBuilder sql = new StringBuilder("SELECT *").append(where);
        List<Object> pageParams = new ArrayList<>(params);
        String sort = q.sort() == null ? "id" : q.sort();
        if (sort.equals("id") && q.afterId() >= 0) {
            sql.append(q.descending() ? " AND id < ?" : " AND id > ?");
            pageParams.add(q.afterId());
        }
        order(sort, q.descending(), sql, pageParams);
        sql.append(" LIMIT ? OFFSET ?");
        pageParams.add(q.limit() + 1);
        pageParams.add(q.offset());
        return db.read(c -> {
            requireCampaign(c, campaignId);
            List<Contact> rows = Jdbc.query(c, sql.toString(), ContactRepository::contact, pageParams.toArray());
            long total = Jdbc.number(c, "SELECT COUNT(*)" + where, params.toArray());
            boolean more = rows.size() > q.limit();
            return new ContactQuery.Page(more ? rows.subList(0, q.limit()) : rows, more, total);
        });
    }

    private void filter(ContactQuery q, StringBuilder sql, List<Object> params) {
        if (q.state() != null) {
            sql.append(" AND state = ?");
            params.add(q.state());
        }
        if (q.minAttempts() >= 0) {
            sql.append(" AND attempts >= ?");
            params.add(q.minAttempts());
        }
        if (q.dueBefore() >= 0) {
            sql.append(" AND next_due_millis < ?");
            params.add(q.dueBefore());
        }
        if (q.updatedSinceMillis() >= 0) {
            sql.append(" AND updated_millis >= ?");
            params.add(q.updatedSinceMillis());
        }
        if (q.fieldName() != null) {
            sql.append(" AND ").append(db.dialect().jsonField("fields")).append(" = ?");
            params.add(db.dialect().jsonFieldParameter(q.fieldName()));
            params.add(q.fieldValue());
        }
    }

    private void order(String sort, boolean descending, StringBuilder sql, List<Object> params) {
        Dialect dialect = db.dialect();
        String direction = descending ? " DESC" : " ASC";
        if (sort.startsWith("field.")) {
            sql.append(" ORDER BY ").append(dialect.jsonField("fields")).append(direction).append(", id");
            params.add(dialect.jsonFieldParameter(sort.substring("field.".length())));
            return;
        }
        String column = switch (sort) {
            case "id" -> "id";
            case "attempts" -> "attempts";
            case "nextDue" -> "next_due_millis";
            case "state" -> "state";
            case "name" -> "name";
            default -> throw new InvalidFieldException("sort", "must be id, attempts, nextDue, state, name or field.<name>");
        };
        sql.append(" ORDER BY ").append(column).append(direction).append(", id");
    }

    /** How many contacts of a campaign are in each state. */
    public Map<ContactState, Long> countByState(long campaignId) {
        return db.read(c -> {
            Map<ContactState, Long> counts = new java.util.EnumMap<>(ContactState.class);
            for (ContactState s : ContactState.values()) {
                counts.put(s, 0L);
            }
            for (Object[] row : Jdbc.query(c, "SELECT state, COUNT(*) FROM contacts WHERE campaign_id = ? GROUP BY state",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)}, campaignId)) {
                counts.put(ContactState.valueOf((String) row[0]), (Long) row[1]);
            }
            return counts;
        });
    }

    /** The contact inside a running transaction, or not found naming {@code contactId}. */
    public static Contact get(Connection c, long campaignId, long contactId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM contacts WHERE id = ? AND campaign_id = ?", ContactRepository::contact, contactId, campaignId)
                .orElseThrow(() -> new NotFoundException("contactId", contactId));
    }

    static void writable(Connection c, long campaignId) throws SQLException {
        if (Jdbc.one(c, "SELECT done FROM campaigns WHERE id = ?", rs -> rs.getInt(1), campaignId)
                .orElseThrow(() -> new NotFoundException("campaignId", campaignId)) == 1) {
            throw new ConflictException("done", "campaign is done and read-only");
        }
    }

    private static void requireCampaign(Connection c, long campaignId) throws SQLException {
        if (Jdbc.number(c, "SELECT COUNT(*) FROM campaigns WHERE id = ?", campaignId) == 0) {
            throw new NotFoundException("campaignId", campaignId);
        }
    }

    static Contact contact(ResultSet rs) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("phone"), rs.getString("name"),
                FieldsJson.read(rs.getString("fields")), rs.getString("time_zone"), ContactState.valueOf(rs.getString("state")),
                rs.getString("closed_reason"), rs.getInt("attempts"), rs.getLong("next_due_millis"), rs.getLong("owner_agent_id"),
                rs.getLong("updated_millis"));
    }
}
