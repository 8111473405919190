package io.pacer.engine.agent;

import io.pacer.engine.collections.IndexLinks;

/**
 * Every agent's state in flat arrays indexed by agent id, owned by the core's thread. Ready agents of a
 * campaign are kept in an intrusive FIFO (longest waiting first), and every logged-in agent of a campaign in
 * an intrusive member list, so that choosing an agent and building a pacing snapshot touch no collections and
 * allocate nothing.
 */
public final class AgentTable {
    private final int capacity;
    private final byte[] state;
    private final int[] campaign;
    private final long[] stateSinceNanos;
    private final long[] call;
    private final boolean[] logoutPending;
    private final boolean[] pausePending;
    private final int[] stateEpoch;
    private final int[] pauseReason;
    private final int[] missedOffers;
    private final long[] lastContact;
    private final long[] lastCall;
    private final long[] leavesAtNanos;
    private final IndexLinks readyLinks;
    private final IndexLinks memberLinks;

    /** A table for agent ids {@code 0 .. capacity-1}. */
    public AgentTable(int capacity) {
        this.capacity = capacity;
        state = new byte[capacity];
        campaign = new int[capacity];
        stateSinceNanos = new long[capacity];
        call = new long[capacity];
        logoutPending = new boolean[capacity];
        pausePending = new boolean[capacity];
        stateEpoch = new int[capacity];
        pauseReason = new int[capacity];
        missedOffers = new int[capacity];
        lastContact = new long[capacity];
        lastCall = new long[capacity];
        leavesAtNanos = new long[capacity];
        readyLinks = new IndexLinks(capacity);
        memberLinks = new IndexLinks(capacity);
        java.util.Arrays.fill(call, -1L);
        java.util.Arrays.fill(lastContact, -1L);
        java.util.Arrays.fill(lastCall, -1L);
        java.util.Arrays.fill(leavesAtNanos, Long.MAX_VALUE);
        java.util.Arrays.fill(campaign, 0);
    }

    /** Number of agent ids. */
    public int capacity() {
        return capacity;
    }

    /** True when {@code agentId} is a valid index. */
    public boolean valid(int agentId) {
        return agentId >= 0 && agentId < capacity;
    }

    public AgentState state(int agentId) {
        return AgentState.ofOrdinal(state[agentId]);
    }

    public int campaign(int agentId) {
        return campaign[agentId];
    }

    public long stateSinceNanos(int agentId) {
        return stateSinceNanos[agentId];
    }

    public long call(int agentId) {
        return call[agentId];
    }

    public boolean logoutPending(int agentId) {
        return logoutPending[agentId];
    }

    public boolean pausePending(int agentId) {
        return pausePending[agentId];
    }

    public void setLogoutPending(int agentId, boolean pending) {
        logoutPending[agentId] = pending;
    }

    public void setPausePending(int agentId, boolean pending) {
        pausePending[agentId] = pending;
    }

    /** Moves an agent to a state at a time; list membership is the caller's business. */
    public void setState(int agentId, AgentState s, long nowNanos) {
        state[agentId] = (byte) s.ordinal();
        stateSinceNanos[agentId] = nowNanos;
        stateEpoch[agentId]++;
    }

    /**
     * How many state changes the agent has had: a timer set in one state carries it, and finds on firing
     * whether the agent is still in the same stay in that state (timers are never cancelled).
     */
    public int stateEpoch(int agentId) {
        return stateEpoch[agentId];
    }

    /** Why the agent is paused (a code the operator chose, or {@link PauseReasons}), 0 when none was given. */
    public int pauseReason(int agentId) {
        return pauseReason[agentId];
    }

    public void setPauseReason(int agentId, int reason) {
        pauseReason[agentId] = reason;
    }

    /** Preview offers the agent let time out in a row; an answer sets it back to 0. */
    public int missedOffers(int agentId) {
        return missedOffers[agentId];
    }

    public void setMissedOffers(int agentId, int missed) {
        missedOffers[agentId] = missed;
    }

    /** The contact of the agent's last call or offer, kept through wrap-up for its desktop; -1 when none. */
    public long lastContact(int agentId) {
        return lastContact[agentId];
    }

    public void setLastContact(int agentId, long contactId) {
        lastContact[agentId] = contactId;
    }

    /** The agent's last call, kept through its wrap-up (the call an automatic outcome is for); -1 when none. */
    public long lastCall(int agentId) {
        return lastCall[agentId];
    }

    public void setLastCall(int agentId, long callId) {
        lastCall[agentId] = callId;
    }

    /**
     * When the agent said it will leave (a scheduled break or the end of its shift), engine clock;
     * {@link Long#MAX_VALUE} when it gave no notice. Cleared at each login.
     */
    public long leavesAtNanos(int agentId) {
        return leavesAtNanos[agentId];
    }

    public void setLeavesAtNanos(int agentId, long atNanos) {
        leavesAtNanos[agentId] = atNanos;
    }

    public void setCall(int agentId, long callId) {
        call[agentId] = callId;
    }

    /** Records a login: the agent joins the campaign's member list. */
    public void login(int agentId, int campaignId, long nowNanos, AgentLists lists) {
        campaign[agentId] = campaignId;
        logoutPending[agentId] = false;
        pausePending[agentId] = false;
        call[agentId] = -1;
        pauseReason[agentId] = 0;
        leavesAtNanos[agentId] = Long.MAX_VALUE;
        missedOffers[agentId] = 0;
        lastContact[agentId] = -1;
        lastCall[agentId] = -1;
        memberLinks.append(agentId, lists.members);
    }

    /** Records a logout: the agent leaves the campaign's member list. */
    public void logout(int agentId, long nowNanos, AgentLists lists) {
        memberLinks.remove(agentId, lists.members);
        setState(agentId, AgentState.LOGGED_OUT, nowNanos);
        campaign[agentId] = 0;
    }

    /** First member of a campaign's member list, or -1. */
    public int firstMember(AgentLists lists) {
        return lists.members.first();
    }

    /** Next member after {@code agentId}, or -1. */
    public int nextMember(int agentId) {
        return memberLinks.next(agentId);
    }

    /** Appends a ready agent to the tail of the campaign's ready FIFO. */
    public void enqueueReady(int agentId, AgentLists lists) {
        readyLinks.append(agentId, lists.ready);
    }

    /** Removes an agent from the ready FIFO wherever it is. */
    public void removeReady(int agentId, AgentLists lists) {
        readyLinks.remove(agentId, lists.ready);
    }

    /** The agent after {@code agentId} in its campaign's ready FIFO (the next to have waited longest), or -1. */
    public int nextReady(int agentId) {
        return readyLinks.next(agentId);
    }

    /** The agent that has waited longest, or -1; it stays in the FIFO. */
    public int longestReady(AgentLists lists) {
        return lists.ready.first();
    }

    /**
     * Heads and counts of one campaign's intrusive agent lists. Owned by the campaign, changed only through
     * {@link AgentTable}.
     */
    public static final class AgentLists {
        final IndexLinks.Head ready = new IndexLinks.Head();
        final IndexLinks.Head members = new IndexLinks.Head();

        /** Agents ready now. */
        public int ready() {
            return ready.size();
        }

        /** Agents logged in to the campaign. */
        public int members() {
            return members.size();
        }
    }
}
