package io.pacer.store.user;

/** What a user may do through the API. */
public enum Role {
    /** Everything, including users, groups and clearing stale locks. */
    ADMIN,
    /** Campaigns, lists, imports, do-not-call, statistics. */
    SUPERVISOR,
    /** Only its own calls and callbacks. */
    AGENT
}
