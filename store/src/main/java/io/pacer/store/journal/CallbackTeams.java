package io.pacer.store.journal;

import io.pacer.engine.campaign.Responsibles;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The team a callback belongs to, as the core needs it (a set of agent ids): a team callback's group, or the
 * groups of a personal callback's owner (where it may go after the campaign's grace). Read on the hopper's refill
 * thread; each group's and owner's set is looked up once per claim.
 */
final class CallbackTeams {

    private final Map<Long, Responsibles> groups = new HashMap<>();
    private final Map<Long, Responsibles> ownersTeams = new HashMap<>();

    /** Forgets what was read: memberships may have changed since the last claim. */
    void clear() {
        groups.clear();
        ownersTeams.clear();
    }

    /**
     * The team of callback {@code callbackId}: for a personal one ({@code ownerAgentId} set), its owner's teams
     * ({@code null} when the owner is in none); else its group's members; {@code null} when any agent may take it.
     */
    Responsibles of(Connection c, long callbackId, long ownerAgentId) throws SQLException {
        if (ownerAgentId >= 0) {
            return ownersTeams.computeIfAbsent(ownerAgentId, user -> members(c, """
                    SELECT DISTINCT m.user_id FROM group_members m JOIN group_members o ON o.group_id = m.group_id
                    WHERE o.user_id = ?""", user));
        }
        Long group = Jdbc.one(c, "SELECT owner_group_id FROM callbacks WHERE id = ?",
                rs -> Jdbc.nullableLong(rs, "owner_group_id"), callbackId).orElse(null);
        if (group == null) {
            return null;
        }
        Responsibles team = groups.computeIfAbsent(group, g -> members(c, "SELECT user_id FROM group_members WHERE group_id = ?", g));
        // A team with no members yet still keeps its callback from everyone else.
        return team == null ? Responsibles.only() : team;
    }

    /** The users the query names, or {@code null} when there are none. */
    private static Responsibles members(Connection c, String sql, long id) {
        try {
            List<Long> users = Jdbc.query(c, sql, rs -> rs.getLong(1), id);
            return users.isEmpty() ? null : Responsibles.only(users.stream().mapToInt(Long::intValue).toArray());
        } catch (SQLException e) {
            throw new io.pacer.store.db.StorageException("reading a callback's team", e);
        }
    }
}
