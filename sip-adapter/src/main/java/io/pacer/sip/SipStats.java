package io.pacer.sip;

import io.pacer.engine.call.CallOutcome;

/**
 * Counters of the adapter, written by the SIP worker thread only and read by anyone (metrics, tests,
 * benchmarks). Plain fields: a reader may see a count one event late, never a torn or lost one.
 */
public final class SipStats {
    volatile long dials;
    volatile long invitesSent;
    volatile long answered;
    volatile long bridges;
    volatile long bridgeMisses;
    volatile long refusedByTrunk;
    volatile long transportErrors;
    volatile long timeouts;
    volatile long cancelRaces;
    volatile long carrierHangUps;
    volatile long refreshes;
    volatile long authRetries;
    volatile long backoffs;
    volatile long registrations;
    volatile long agentLogins;
    volatile long agentLogouts;
    volatile long refusedRequests;
    volatile long workerErrors;
    volatile int callsInProgress;
    volatile int agentSessionsUp;
    final long[] failed = new long[CallOutcome.values().length];

    /** Dial commands received from the engine. */
    public long dials() { return dials; }
    /** INVITEs sent to trunks (retries after a digest challenge not counted). */
    public long invitesSent() { return invitesSent; }
    /** Calls answered (2xx). */
    public long answered() { return answered; }
    /** Bridges made (relay switched). */
    public long bridges() { return bridges; }
    /** Bridge commands for a call or agent session that was already gone. */
    public long bridgeMisses() { return bridgeMisses; }
    /** Dials refused without an INVITE: trunk full or backing off after a 503 Retry-After. */
    public long refusedByTrunk() { return refusedByTrunk; }
    /** Sends that failed in the transport (TCP refused, unresolvable). */
    public long transportErrors() { return transportErrors; }
    /** INVITE transactions that timed out. */
    public long timeouts() { return timeouts; }
    /** 200 OKs that crossed our CANCEL (answered with ACK then BYE). */
    public long cancelRaces() { return cancelRaces; }
    /** Answered calls the carrier hung up. */
    public long carrierHangUps() { return carrierHangUps; }
    /** re-INVITEs and UPDATEs answered (session refresh). */
    public long refreshes() { return refreshes; }
    /** INVITEs resent with digest credentials. */
    public long authRetries() { return authRetries; }
    /** 503s with Retry-After that made a trunk back off. */
    public long backoffs() { return backoffs; }
    /** Successful agent registrations. */
    public long registrations() { return registrations; }
    /** Agent sessions set up. */
    public long agentLogins() { return agentLogins; }
    /** Agent sessions ended. */
    public long agentLogouts() { return agentLogouts; }
    /** Requests refused from a source that is neither a trunk nor an agent, or failing authentication. */
    public long refusedRequests() { return refusedRequests; }
    /** Unexpected exceptions while handling work (each one logged). */
    public long workerErrors() { return workerErrors; }
    /** Customer calls the adapter holds now (queued, ringing or answered). */
    public int callsInProgress() { return callsInProgress; }
    /** Agents whose nailed-up session is up. */
    public int agentSessionsUp() { return agentSessionsUp; }
    /** Calls that ended unanswered with {@code outcome}. */
    public long failed(CallOutcome outcome) { return failed[outcome.ordinal()]; }
}
