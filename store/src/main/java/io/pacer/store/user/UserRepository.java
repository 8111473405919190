package io.pacer.store.user;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Users, their bearer tokens (stored only as {@link TokenHash hashes}), and groups of users (responsibles and
 * callback owners can be groups). A token is shown once, when issued; it can be rotated or revoked, and a user
 * disabled or deleted.
 */
public final class UserRepository {

    private final Database db;

    /** Repository over a database. */
    public UserRepository(Database db) {
        this.db = db;
    }

    /** Creates a user with a fresh random token, returned this once. */
    public IssuedToken create(String name, Role role) {
        String token = TokenHash.newToken();
        return new IssuedToken(create(name, role, token), token);
    }

    /** Creates a user with a given token (the bootstrap administrator's comes from the configuration). */
    public User create(String name, Role role, String token) {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "must not be empty");
        }
        if (role == null) {
            throw new InvalidFieldException("role", "must be ADMIN, SUPERVISOR or AGENT");
        }
        return db.write(c -> {
            if (Jdbc.number(c, "SELECT COUNT(*) FROM users WHERE name = ?", name) > 0) {
                throw new ConflictException("name", "a user with this name exists");
            }
            long id = Jdbc.insert(c, "INSERT INTO users(name, role, token) VALUES (?, ?, ?) RETURNING id", name, role,
                    TokenHash.of(token));
            return new User(id, name, role, false);
        });
    }

    /** Creates the user unless one with that name exists; returns the stored user. */
    public User ensure(String name, Role role, String token) {
        return byName(name).orElseGet(() -> {
            try {
                return create(name, role, token);
            } catch (RuntimeException e) {
                // Another node sharing the database created it between our read and our insert (nodes of a cluster
                // start at once; our check or the name's unique index refused ours): theirs is the user.
                return byName(name).orElseThrow(() -> e);
            }
        });
    }

    /** The enabled user a bearer token belongs to. */
    public Optional<User> byToken(String token) {
        return db.read(c -> Jdbc.one(c, "SELECT * FROM users WHERE token = ? AND disabled = 0", UserRepository::user,
                TokenHash.of(token)));
    }

    /** The user with a name. */
    public Optional<User> byName(String name) {
        return db.read(c -> Jdbc.one(c, "SELECT * FROM users WHERE name = ?", UserRepository::user, name));
    }

    /** The user with an id. */
    public User get(long id) {
        return db.read(c -> find(c, id));
    }

    /** Every user. */
    public List<User> list() {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM users ORDER BY id", UserRepository::user));
    }

    /** Replaces the user's token with a fresh one, returned this once; the old one stops working at once. */
    public IssuedToken rotateToken(long id) {
        String token = TokenHash.newToken();
        User user = db.write(c -> {
            User u = find(c, id);
            Jdbc.update(c, "UPDATE users SET token = ? WHERE id = ?", TokenHash.of(token), id);
            return u;
        });
        return new IssuedToken(user, token);
    }

    /** Revokes the user's token: no token works for the user until one is rotated in. */
    public User revokeToken(long id) {
        return db.write(c -> {
            User u = find(c, id);
            Jdbc.update(c, "UPDATE users SET token = ? WHERE id = ?", TokenHash.revokedMarker(id), id);
            return u;
        });
    }

    /**
     * Disables or enables a user: a disabled user's token is refused, its history and assignments are kept.
     * The last enabled administrator cannot be disabled (no one could enable anyone again).
     */
    public User setDisabled(long id, boolean disabled) {
        return db.write(c -> {
            User u = find(c, id);
            if (disabled && u.role() == Role.ADMIN && !u.disabled() && enabledAdmins(c) <= 1) {
                throw new ConflictException("disabled", "the last enabled administrator cannot be disabled");
            }
            Jdbc.update(c, "UPDATE users SET disabled = ? WHERE id = ?", disabled ? 1 : 0, id);
            return new User(u.id(), u.name(), u.role(), disabled);
        });
    }

    /**
     * Deletes a user with its group memberships and campaign assignments. Refused while it owns open personal
     * callbacks (they would be owned by no one: reassign them, or disable the user instead), and for the last
     * enabled administrator.
     */
    public void delete(long id) {
        db.write(c -> {
            User u = find(c, id);
            if (u.role() == Role.ADMIN && !u.disabled() && enabledAdmins(c) <= 1) {
                throw new ConflictException("userId", "the last enabled administrator cannot be deleted");
            }
            long open = Jdbc.number(c, "SELECT COUNT(*) FROM callbacks WHERE owner_user_id = ? AND state = 'OPEN'", id);
            if (open > 0) {
                throw new ConflictException("userId", "the user owns " + open + " open callbacks; disable the user instead");
            }
            Jdbc.update(c, "DELETE FROM group_members WHERE user_id = ?", id);
            Jdbc.update(c, "DELETE FROM campaign_responsibles WHERE user_id = ?", id);
            Jdbc.update(c, "DELETE FROM users WHERE id = ?", id);
            return null;
        });
    }

    /** Creates a group with members. */
    public long createGroup(String name, List<Long> members) {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "must not be empty");
        }
        return db.write(c -> {
            if (Jdbc.number(c, "SELECT COUNT(*) FROM user_groups WHERE name = ?", name) > 0) {
                throw new ConflictException("name", "a group with this name exists");
            }
            for (long member : members) {
                if (Jdbc.number(c, "SELECT COUNT(*) FROM users WHERE id = ?", member) == 0) {
                    throw new InvalidFieldException("members", "no such user: " + member);
                }
            }
            long id = Jdbc.insert(c, "INSERT INTO user_groups(name) VALUES (?) RETURNING id", name);
            for (long member : members) {
                Jdbc.update(c, "INSERT INTO group_members(group_id, user_id) VALUES (?, ?)", id, member);
            }
            return id;
        });
    }

    /** Whether a user is a member of a group. */
    public boolean isMember(long groupId, long userId) {
        return db.read(c -> Jdbc.number(c, "SELECT COUNT(*) FROM group_members WHERE group_id = ? AND user_id = ?",
                groupId, userId) > 0);
    }

    /** Every group with its members' ids. */
    public List<Group> groups() {
        return db.read(c -> {
            List<Group> groups = Jdbc.query(c, "SELECT id, name FROM user_groups ORDER BY id",
                    rs -> new Group(rs.getLong("id"), rs.getString("name"), new java.util.ArrayList<>()));
            for (Group g : groups) {
                g.members().addAll(Jdbc.query(c, "SELECT user_id FROM group_members WHERE group_id = ? ORDER BY user_id",
                        rs -> rs.getLong(1), g.id()));
            }
            return groups;
        });
    }

    private static User find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM users WHERE id = ?", UserRepository::user, id)
                .orElseThrow(() -> new NotFoundException("userId", String.valueOf(id)));
    }

    private static long enabledAdmins(Connection c) throws SQLException {
        return Jdbc.number(c, "SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND disabled = 0");
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")), rs.getInt("disabled") != 0);
    }
}
