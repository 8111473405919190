package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.user.Group;
import io.pacer.store.user.GroupMembers;

/** A group's membership, a member at a time (groups are created and listed through {@link UserService}). */
public final class GroupService {

    private final GroupMembers members;
    private final CampaignAgentsService campaignAgents;

    /** Group workflows over storage, with no core to tell of membership changes. */
    public GroupService(Storage storage) {
        this(storage, null);
    }

    /** Group workflows over storage; the core hears of every membership change through {@code campaignAgents}. */
    public GroupService(Storage storage, CampaignAgentsService campaignAgents) {
        this.members = new GroupMembers(storage.db());
        this.campaignAgents = campaignAgents;
    }

    /** One group with its members. */
    public Group get(long groupId) {
        return members.get(groupId);
    }

    /** Adds a member; the group as it now is. */
    public Group addMember(long groupId, long userId) {
        Group group = members.add(groupId, userId);
        membershipChanged();
        return group;
    }

    /** Removes a member; the group as it now is. */
    public Group removeMember(long groupId, long userId) {
        Group group = members.remove(groupId, userId);
        membershipChanged();
        return group;
    }

    private void membershipChanged() {
        if (campaignAgents != null) {
            campaignAgents.pushAll();
        }
    }
}
