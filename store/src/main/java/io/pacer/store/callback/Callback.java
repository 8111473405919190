package io.pacer.store.callback;

import io.pacer.store.db.Jdbc;

/**
 * A callback task: call a contact again at a time, by its owner (a user, personal, or any agent of the
 * campaign) or a group; open until the call is connected or someone marks it done.
 *
 * @param id           id
 * @param campaignId   campaign
 * @param contactId    contact
 * @param ownerUserId  owning user or -1
 * @param ownerGroupId owning group or -1
 * @param personal     dialled to the owning user only
 * @param dueMillis    when to call (epoch ms)
 * @param alarmMillis  when to remind the owner, or -1
 * @param number       number to call instead of the contact's, or {@code null}
 * @param state        OPEN or DONE
 * @param note         free text
 * @param priority     higher first among tasks due at the same time (0: normal)
 * @param subject      what the task is about: given, or the campaign's subject template for a callback
 * @param updatedMillis when it was last created or changed (epoch ms, the database's clock), for incremental sync
 */
public record Callback(long id, long campaignId, long contactId, long ownerUserId, long ownerGroupId, boolean personal,
        long dueMillis, long alarmMillis, String number, String state, String note, int priority, String subject,
        long updatedMillis) {

    static Callback of(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long user = Jdbc.nullableLong(rs, "owner_user_id");
        Long group = Jdbc.nullableLong(rs, "owner_group_id");
        Long alarm = Jdbc.nullableLong(rs, "alarm_millis");
        return new Callback(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("contact_id"), user == null ? -1 : user,
                group == null ? -1 : group, rs.getInt("personal") == 1, rs.getLong("due_millis"), alarm == null ? -1 : alarm,
                rs.getString("number"), rs.getString("state"), rs.getString("note"), rs.getInt("priority"),
                rs.getString("subject"), rs.getLong("updated_millis"));
    }
}
