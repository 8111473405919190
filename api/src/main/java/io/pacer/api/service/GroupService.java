package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.user.Group;
import io.pacer.store.user.GroupMembers;

/** A group's membership, a member at a time (groups are created and listed through {@link UserService}). */
public final class GroupService {

    private final GroupMembers members;

    /** Group workflows over storage. */
    public GroupService(Storage storage) {
        this.members = new GroupMembers(storage.db());
    }

    /** One group with its members. */
    public Group get(long groupId) {
        return members.get(groupId);
    }

    /** Adds a member; the group as it now is. */
    public Group addMember(long groupId, long userId) {
        return members.add(groupId, userId);
    }

    /** Removes a member; the group as it now is. */
    public Group removeMember(long groupId, long userId) {
        return members.remove(groupId, userId);
    }
}
