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
        return list(user, own, groups, openOnly, campaignId, updatedSinceMillis, null);
    }

    /**
     * As above, only those whose subject contains {@code subjectSearch} (any case; {@code null}: all), sorted by
     * due time, then the higher priority first.
     */
    public List<Callback> list(User user, boolean own, boolean groups, boolean openOnly, long campaignId,
            long updatedSinceMillis, String subjectSearch) {
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
        if (subjectSearch != null && !subjectSearch.isBlank()) {
            sql.append(" AND LOWER(subject) LIKE ? ESCAPE '!'");
            params.add("%" + subjectSearch.toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        sql.append(" ORDER BY due_millis, priority DESC, id");
        return db.read(c -> Jdbc.query(c, sql.toString(), Callback::of, params.toArray()));
    }

    /** A contact's open callbacks in a campaign, soonest first: what the agent sees on the record. */
    public List<Callback> openOfContact(long campaignId, long contactId) {
        return db.read(c -> Jdbc.query(c, """
                SELECT * FROM callbacks WHERE campaign_id = ? AND contact_id = ? AND state = 'OPEN'
                ORDER BY due_millis, id""", Callback::of, campaignId, contactId));
    }

    /**
     * Changes an open task: its time (never into the past), priority, subject, note, or owner. Only supervisors
     * hand a task to another user; an agent may hand one it can see to a team it belongs to. The contact waiting
     * for the task follows: due at the new time, dialled to the new owner only when personal.
     */
    public Callback edit(User user, long callbackId, CallbackEdit e, long nowMillis) {
        return db.write(c -> {
            Callback cb = visible(c, user, callbackId);
            CallbackOwners.check(c, user, cb, e, nowMillis);
            long due = e.dueMillis() >= 0 ? e.dueMillis() : cb.dueMillis();
            boolean toUser = e.ownerUserId() >= 0;
            boolean toGroup = e.ownerGroupId() >= 0;
            Long ownerUser = toUser ? Long.valueOf(e.ownerUserId()) : toGroup ? null : nullable(cb.ownerUserId());
            Long ownerGroup = toGroup ? Long.valueOf(e.ownerGroupId()) : toUser ? null : nullable(cb.ownerGroupId());
            boolean personal = toUser || (!toGroup && cb.personal());
            Jdbc.update(c, """
                    UPDATE callbacks SET due_millis = ?, priority = ?, subject = ?, note = ?, owner_user_id = ?,
                      owner_group_id = ?, personal = ? WHERE id = ?""", due,
                    e.priority() == null ? cb.priority() : CallbackTasks.priority(e.priority(), "priority"),
                    e.subject() == null ? cb.subject() : CallbackTasks.subject(
                            io.pacer.store.campaign.CampaignRepository.get(c, cb.campaignId()), e.subject(), due, "subject"),
                    e.note() == null ? cb.note() : e.note(), ownerUser, ownerGroup, personal, callbackId);
            Jdbc.update(c, """
                    UPDATE contacts SET next_due_millis = ?, owner_agent_id = ?
                    WHERE callback_id = ? AND state = 'CALLBACK'""", due,
                    personal && ownerUser != null ? ownerUser : -1L, callbackId);
            return Jdbc.one(c, "SELECT * FROM callbacks WHERE id = ?", Callback::of, callbackId).orElseThrow();
        });
    }

    private static Long nullable(long id) {
        return id < 0 ? null : id;
    }

    /** The callback if the user may see it (agents: their own and their groups'), else not found. */
    private static Callback visible(java.sql.Connection c, User user, long callbackId) throws java.sql.SQLException {
        Callback cb = Jdbc.one(c, "SELECT * FROM callbacks WHERE id = ?", Callback::of, callbackId)
                .orElseThrow(() -> new NotFoundException("callbackId", callbackId));
        if (user.role() == Role.AGENT && cb.ownerUserId() != user.id() && Jdbc.number(c,
                "SELECT COUNT(*) FROM group_members WHERE group_id = ? AND user_id = ?", cb.ownerGroupId(), user.id()) == 0) {
            throw new NotFoundException("callbackId", callbackId);
        }
        return cb;
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
