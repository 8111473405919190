package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.user.Group;
import io.pacer.store.user.IssuedToken;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.util.List;

/** Users with their bearer tokens (issued, rotated, revoked; never read back), and groups; what administrators manage. */
public final class UserService {

    private final Storage storage;
    private final CampaignAgentsService campaignAgents;

    /** User workflows over storage, with no core to tell of users disabled or deleted. */
    public UserService(Storage storage) {
        this(storage, null);
    }

    /** User workflows over storage; the core hears through {@code campaignAgents} of users who may no longer work. */
    public UserService(Storage storage, CampaignAgentsService campaignAgents) {
        this.storage = storage;
        this.campaignAgents = campaignAgents;
    }

    /** Creates a user with a new bearer token, shown this once. */
    public IssuedToken create(String name, Role role) {
        return storage.users().create(name, role);
    }

    /** Every user, without tokens. */
    public List<User> list() {
        return storage.users().list();
    }

    /** One user, without its token. */
    public User get(long userId) {
        return storage.users().get(userId);
    }

    /** Disables or enables a user. */
    public User setDisabled(long userId, boolean disabled) {
        User user = storage.users().setDisabled(userId, disabled);
        responsiblesChanged();
        return user;
    }

    /** Deletes a user. */
    public void delete(long userId) {
        storage.users().delete(userId);
        responsiblesChanged();
    }

    /** Issues a fresh token in place of the user's current one, shown this once. */
    public IssuedToken rotateToken(long userId) {
        return storage.users().rotateToken(userId);
    }

    /** Revokes the user's token. */
    public void revokeToken(long userId) {
        storage.users().revokeToken(userId);
    }

    /** Creates a group of existing users; returns its id. */
    public long createGroup(String name, List<Long> members) {
        return storage.users().createGroup(name, members);
    }

    /** Every group with its members. */
    public List<Group> groups() {
        return storage.users().groups();
    }

    private void responsiblesChanged() {
        if (campaignAgents != null) {
            campaignAgents.pushAll();
        }
    }
}
