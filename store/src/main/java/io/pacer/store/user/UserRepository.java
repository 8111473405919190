package io.pacer.store.user;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.ConflictException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Users, their bearer tokens, and groups of users (responsibles and callback owners can be groups). */
public final class UserRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    /** Repository over a database. */
    public UserRepository(Database db) {
        this.db = db;
    }

    /** Creates a user with a fresh random token. */
    public User create(String name, Role role) {
        return create(name, role, newToken());
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
            long id = Jdbc.insert(c, "INSERT INTO users(name, role, token) VALUES (?, ?, ?) RETURNING id", name, role, token);
            return new User(id, name, role, token);
        });
    }

    /** Creates the user unless one with that name exists; returns the stored user. */
    public User ensure(String name, Role role, String token) {
        return byName(name).orElseGet(() -> create(name, role, token));
    }

    /** The user a bearer token belongs to. */
    public Optional<User> byToken(String token) {
        return db.read(c -> Jdbc.one(c, "SELECT * FROM users WHERE token = ?", UserRepository::user, token));
    }

    /** The user with a name. */
    public Optional<User> byName(String name) {
        return db.read(c -> Jdbc.one(c, "SELECT * FROM users WHERE name = ?", UserRepository::user, name));
    }

    /** Every user. */
    public List<User> list() {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM users ORDER BY id", UserRepository::user));
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

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")), rs.getString("token"));
    }
}
