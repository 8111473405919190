package io.pacer.store.callback;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import io.pacer.store.webhook.WebhookEvents;
import java.util.ArrayList;
import java.util.List;

/** Callback tasks as their owners see them: own, own groups', only open; and marking one done. */
public final class CallbackRepository {

    private final Database db;

    /** Repository over a database. */
    public CallbackRepository(Database db) {
        this.db = db;
    }

    /**
     * Callbacks visible to a user. Agents see only their own and their groups'; {@code own} and {@code groups}
     * narrow to those (both false: everything visible), {@code openOnly} hides done ones, {@code updatedSinceMillis}
     * (-1: any time) keeps those created or changed since.
     */
    public List<Callback> list(User user, boolean own, boolean groups, boolean openOnly, long campaignId,
            long updatedSinceMillis) {
        StringBuilder sql = new StringBuilder("SELECT * FROM callbacks WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        boolean mine = own || groups || user.role() == Role.AGENT;
        if (mine) {
            List<String> parts = new ArrayList<>();
            if (own || !groups) {
                parts.add("owner_user_id = ?");
                params.add(user.id());
            }
            if (groups || !own) {
                parts.add("owner_group_id IN (SELECT group_id FROM group_members WHERE user_id = ?)");
                params.add(user.id());
            }
            sql.append(" AND (").append(String.join(" OR ", parts)).append(")");
        }
        if (openOnly) {
            sql.append(" AND state = 'OPEN'");
        }
        if (campaignId > 0) {
            sql.append(" AND campaign_id = ?");
            params.add(campaignId);
        }
        if (updatedSinceMillis >= 0) {
            sql.append(" AND updated_millis >= ?");
            params.add(updatedSinceMillis);
        }
        sql.append(" ORDER BY due_millis, id");
        return db.read(c -> Jdbc.query(c, sql.toString(), Callback::of, params.toArray()));
    }

    /** A contact's open callbacks in a campaign, soonest first: what the agent sees on the record. */
    public List<Callback> openOfContact(long campaignId, long contactId) {
        return db.read(c -> Jdbc.query(c, """
                SELECT * FROM callbacks WHERE campaign_id = ? AND contact_id = ? AND state = 'OPEN'
                ORDER BY due_millis, id""", Callback::of, campaignId, contactId));
    }

    /** Marks a callback done; the contact stays where it is. Agents may close only callbacks they can see. */
    public Callback markDone(User user, long callbackId) {
        return db.write(c -> {
            Callback cb = Jdbc.one(c, "SELECT * FROM callbacks WHERE id = ?", Callback::of, callbackId)
                    .orElseThrow(() -> new NotFoundException("callbackId", callbackId));
            if (user.role() == Role.AGENT && cb.ownerUserId() != user.id() && Jdbc.number(c,
                    "SELECT COUNT(*) FROM group_members WHERE group_id = ? AND user_id = ?", cb.ownerGroupId(), user.id()) == 0) {
                throw new NotFoundException("callbackId", callbackId);
            }
            Jdbc.update(c, "UPDATE callbacks SET state = 'DONE' WHERE id = ?", callbackId);
            Jdbc.update(c, "UPDATE contacts SET callback_id = NULL, state = CASE WHEN state = 'CALLBACK' THEN 'READY' ELSE state END, "
                    + "owner_agent_id = -1, dial_number = NULL WHERE callback_id = ?", callbackId);
            if ("OPEN".equals(cb.state())) {
                WebhookEvents.callbackDone(c, callbackId, System.currentTimeMillis());
            }
            return Jdbc.one(c, "SELECT * FROM callbacks WHERE id = ?", Callback::of, callbackId).orElseThrow();
        });
    }
}
