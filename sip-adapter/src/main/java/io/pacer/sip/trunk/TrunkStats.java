package io.pacer.sip.trunk;

import io.pacer.engine.call.CallOutcome;

/**
 * Counters of the trunk leg, written by the SIP worker thread only (hence package-private writes) and read by
 * anyone through {@link io.pacer.sip.SipStats}. Volatile plain fields: a reader may see a count one event late,
 * never a torn one, and the single writer needs no atomic increment.
 */
public final class TrunkStats {
    volatile long dials;
    volatile long invitesSent;
    volatile long answered;
    volatile long bridges;
    volatile long bridgeMisses;
    /** Messages dropped on machines (after the beep, or after the longest wait for one). */
    volatile long messageDrops;
    volatile long refusedByTrunk;
    volatile long notPlaced;
    volatile long transportErrors;
    volatile long timeouts;
    volatile long cancelRaces;
    volatile long carrierHangUps;
    volatile long refreshes;
    volatile long refreshesSent;
    volatile long sessionsExpired;
    volatile long authRetries;
    volatile long backoffs;
    volatile long failovers;
    volatile long probesSent;
    volatile long probesFailed;
    volatile long trunksDown;
    volatile long trunksUp;
    volatile long agentHangUpMessages;
    volatile long inboundOffered;
    volatile long inboundRefused;
    volatile long inboundAnswered;
    volatile long inboundMissed;
    volatile int callsInProgress;
    private final long[] failed = new long[CallOutcome.values().length];

    void countFailed(CallOutcome outcome) {
        failed[outcome.ordinal()]++;
    }

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
    /** Messages dropped on machines. */
    public long messageDrops() { return messageDrops; }
    /** Dials refused without an INVITE: trunk full or backing off after a 503 Retry-After. */
    public long refusedByTrunk() { return refusedByTrunk; }
    /**
     * Dials handed back to the engine without an INVITE: refused by the trunk, still queued for the
     * calls-per-second cap when a back-off began, the engine gave up or the ring time passed, or the trunk
     * unreachable. None of them costs the contact an attempt.
     */
    public long notPlaced() { return notPlaced; }
    /** Sends towards a trunk that failed in the transport (TCP refused, unresolvable). */
    public long transportErrors() { return transportErrors; }
    /** INVITE transactions that timed out. */
    public long timeouts() { return timeouts; }
    /** 200 OKs that crossed our CANCEL (answered with ACK then BYE). */
    public long cancelRaces() { return cancelRaces; }
    /** Answered calls the carrier hung up. */
    public long carrierHangUps() { return carrierHangUps; }
    /** re-INVITEs and UPDATEs answered (session refresh). */
    public long refreshes() { return refreshes; }
    /** Session refreshes Pacer sent as the refresher (RFC 4028). */
    public long refreshesSent() { return refreshesSent; }
    /** Calls hung up because their session expired or could not be refreshed. */
    public long sessionsExpired() { return sessionsExpired; }
    /** INVITEs resent with digest credentials. */
    public long authRetries() { return authRetries; }
    /** 503s with Retry-After that made a trunk back off. */
    public long backoffs() { return backoffs; }
    /** Calls sent again on another of their campaign's trunks after a 503, 408, timeout or transport error. */
    public long failovers() { return failovers; }
    /** OPTIONS probes sent to trunks. */
    public long probesSent() { return probesSent; }
    /** OPTIONS probes unanswered in time or answered 408/503. */
    public long probesFailed() { return probesFailed; }
    /** Times a trunk was marked down by its probes. */
    public long trunksDown() { return trunksDown; }
    /** Times a down trunk was marked up again by its probes. */
    public long trunksUp() { return trunksUp; }
    /** Customers who heard the trunk's message after their agent hung up, before the BYE. */
    public long agentHangUpMessages() { return agentHangUpMessages; }
    /** Customer calls the adapter holds now (queued, ringing or answered). */
    public int callsInProgress() { return callsInProgress; }
    /** Calls that ended unanswered with {@code outcome}. */
    public long failed(CallOutcome outcome) { return failed[outcome.ordinal()]; }

    /** Customers' INVITEs from a trunk offered to the engine (blending). */
    public long inboundOffered() { return inboundOffered; }

    /** Customers' INVITEs the engine refused (no campaign takes the number, no agent logged in): 480. */
    public long inboundRefused() { return inboundRefused; }

    /** Inbound calls answered for an agent. */
    public long inboundAnswered() { return inboundAnswered; }

    /** Inbound calls that ended unanswered: the caller gave up, or no agent within the maximum wait. */
    public long inboundMissed() { return inboundMissed; }
}
