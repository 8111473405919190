package io.pacer.store.user;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * One group's membership, changed a member at a time: a team lead adds the new agent and removes the one who
 * left without rewriting the group (and without racing another edit of it).
 */
public final class GroupMembers {

    private final Database db;

    /** Membership over a database. */
    public GroupMembers(Database db) {
        this.db = db;
    }

    /** A group with its members' ids. */
    public Group get(long groupId) {
        return db.read(c -> find(c, groupId));
    }

    /** Adds a user to a group; adding a member again changes nothing. */
    public Group add(long groupId, long userId) {
        return db.write(c -> {
            find(c, groupId);
            if (Jdbc.number(c, "SELECT COUNT(*) FROM users WHERE id = ?", userId) == 0) {
                throw new InvalidFieldException("userId", "no such user: " + userId);
            }
            Jdbc.update(c, "INSERT INTO group_members(group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING", groupId, userId);
            return find(c, groupId);
        });
    }

    /**
     * Removes a user from a group: it stops getting the group's campaigns and callbacks (the group's callbacks
     * stay the group's). Not found when the user is not a member.
     */
    public Group remove(long groupId, long userId) {
        return db.write(c -> {
            find(c, groupId);
            if (Jdbc.update(c, "DELETE FROM group_members WHERE group_id = ? AND user_id = ?", groupId, userId) == 0) {
                throw new NotFoundException("userId", userId);
            }
            return find(c, groupId);
        });
    }

    private static Group find(Connection c, long groupId) throws SQLException {
        Group group = Jdbc.one(c, "SELECT id, name FROM user_groups WHERE id = ?",
                rs -> new Group(rs.getLong("id"), rs.getString("name"), new ArrayList<>()), groupId)
                .orElseThrow(() -> new NotFoundException("groupId", groupId));
        group.members().addAll(Jdbc.query(c, "SELECT user_id FROM group_members WHERE group_id = ? ORDER BY user_id",
                rs -> rs.getLong(1), groupId));
        return group;
    }
}
