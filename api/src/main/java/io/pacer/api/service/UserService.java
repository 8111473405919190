package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.util.List;

/** Users with their bearer tokens, and groups; what administrators manage. */
public final class UserService {

    private final Storage storage;

    /** User workflows over storage. */
    public UserService(Storage storage) {
        this.storage = storage;
    }

    /** Creates a user with a new bearer token. */
    public User create(String name, Role role) {
        return storage.users().create(name, role);
    }

    /** Every user. */
    public List<User> list() {
        return storage.users().list();
    }

    /** Creates a group of existing users; returns its id. */
    public long createGroup(String name, List<Long> members) {
        return storage.users().createGroup(name, members);
    }
}
