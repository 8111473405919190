package io.pacer.store.callback;

import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotPermittedException;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.sql.Connection;
import java.sql.SQLException;

/** Who may change a callback task, and to what: checked before anything is written, so a refusal loses nothing. */
final class CallbackOwners {

    private CallbackOwners() {
    }

    static void check(Connection c, User user, Callback cb, CallbackEdit e, long nowMillis) throws SQLException {
        if (!"OPEN".equals(cb.state())) {
            throw new ConflictException("state", "the callback is " + cb.state() + "; only an open one changes");
        }
        if (e.dueMillis() >= 0 && e.dueMillis() <= nowMillis) {
            throw new InvalidFieldException("dueAt", "is in the past; pick a future date and time");
        }
        if (e.ownerUserId() >= 0 && e.ownerGroupId() >= 0) {
            throw new InvalidFieldException("ownerGroupId", "give ownerUserId or ownerGroupId, not both");
        }
        if (e.ownerUserId() >= 0) {
            if (user.role() == Role.AGENT) {
                throw new NotPermittedException("ownerUserId", "only a supervisor hands a callback to another user");
            }
            if (Jdbc.number(c, "SELECT COUNT(*) FROM users WHERE id = ?", e.ownerUserId()) == 0) {
                throw new InvalidFieldException("ownerUserId", "no such user: " + e.ownerUserId());
            }
        }
        if (e.ownerGroupId() >= 0) {
            if (Jdbc.number(c, "SELECT COUNT(*) FROM user_groups WHERE id = ?", e.ownerGroupId()) == 0) {
                throw new InvalidFieldException("ownerGroupId", "no such group: " + e.ownerGroupId());
            }
            if (user.role() == Role.AGENT && Jdbc.number(c,
                    "SELECT COUNT(*) FROM group_members WHERE group_id = ? AND user_id = ?", e.ownerGroupId(), user.id()) == 0) {
                throw new NotPermittedException("ownerGroupId", "you are not a member of group " + e.ownerGroupId());
            }
        }
    }
}
