package io.pacer.sip;

import io.pacer.engine.call.CallOutcome;
import io.pacer.sip.agent.AgentStats;
import io.pacer.sip.trunk.TrunkStats;

/**
 * Counters of the adapter, read by anyone (metrics, tests, benchmarks). Each leg writes its own
 * ({@link TrunkStats}, {@link AgentStats}) and the worker its own here, all on the SIP worker thread: a reader
 * may see a count one event late, never a torn or lost one.
 */
public final class SipStats {
    final TrunkStats trunk = new TrunkStats();
    final AgentStats agents = new AgentStats();
    volatile long refusedStrangers;
    volatile long workerErrors;
    volatile long malformedRequests;

    /** Dial commands received from the engine. */
    public long dials() { return trunk.dials(); }
    /** INVITEs sent to trunks (retries after a digest challenge not counted). */
    public long invitesSent() { return trunk.invitesSent(); }
    /** Calls answered (2xx). */
    public long answered() { return trunk.answered(); }
    /** Bridges made (relay switched). */
    public long bridges() { return trunk.bridges(); }
    /** Bridge commands for a call or agent session that was already gone. */
    public long bridgeMisses() { return trunk.bridgeMisses(); }
    /** Messages dropped on answering machines (after the beep). */
    public long messageDrops() { return trunk.messageDrops(); }
    /** Dials refused without an INVITE: trunk full or backing off after a 503 Retry-After. */
    public long refusedByTrunk() { return trunk.refusedByTrunk(); }
    /** Dials handed back to the engine without an INVITE (refused, or still queued when they could not go). */
    public long notPlaced() { return trunk.notPlaced(); }
    /** Sends that failed in the transport (TCP refused, unresolvable). */
    public long transportErrors() { return trunk.transportErrors() + agents.transportErrors(); }
    /** INVITE transactions that timed out. */
    public long timeouts() { return trunk.timeouts(); }
    /** 200 OKs that crossed our CANCEL (answered with ACK then BYE). */
    public long cancelRaces() { return trunk.cancelRaces(); }
    /** Answered calls the carrier hung up. */
    public long carrierHangUps() { return trunk.carrierHangUps(); }
    /** re-INVITEs and UPDATEs answered (session refresh). */
    public long refreshes() { return trunk.refreshes(); }
    /** Session refreshes Pacer sent as the refresher (RFC 4028). */
    public long refreshesSent() { return trunk.refreshesSent(); }
    /** Calls hung up because their session expired or could not be refreshed. */
    public long sessionsExpired() { return trunk.sessionsExpired(); }
    /** INVITEs resent with digest credentials. */
    public long authRetries() { return trunk.authRetries(); }
    /** 503s with Retry-After that made a trunk back off. */
    public long backoffs() { return trunk.backoffs(); }
    /** Calls sent again on another trunk of their campaign. */
    public long failovers() { return trunk.failovers(); }
    /** OPTIONS probes sent to trunks. */
    public long trunkProbesSent() { return trunk.probesSent(); }
    /** Times a trunk was marked down by its probes. */
    public long trunksMarkedDown() { return trunk.trunksDown(); }
    /** Times a trunk was marked up again by its probes. */
    public long trunksMarkedUp() { return trunk.trunksUp(); }
    /** Customers who heard the trunk's message after their agent hung up. */
    public long agentHangUpMessages() { return trunk.agentHangUpMessages(); }
    /** Successful agent registrations. */
    public long registrations() { return agents.registrations(); }
    /** Agent sessions set up. */
    public long agentLogins() { return agents.logins(); }
    /** Agent sessions ended. */
    public long agentLogouts() { return agents.logouts(); }
    /** Requests refused from a source that is neither a trunk nor an agent, or failing authentication. */
    public long refusedRequests() { return refusedStrangers + agents.refusedRegistrations(); }
    /** Requests answered 400, 416 or 505 by the gate's verdict (malformed, wrong version, unknown URI scheme). */
    public long malformedRequests() { return malformedRequests; }
    /** Unexpected exceptions while handling work (each one logged). */
    public long workerErrors() { return workerErrors; }
    /** Customer calls the adapter holds now (queued, ringing or answered). */
    public int callsInProgress() { return trunk.callsInProgress(); }
    /** Agents whose nailed-up session is up. */
    public int agentSessionsUp() { return agents.sessionsUp(); }
    /** Agent sessions ended because the phone stopped answering OPTIONS or sending RTP. */
    public long deadAgentPhones() { return agents.deadPhones(); }
    /** Session refreshes Pacer sent to agents' phones as the refresher (RFC 4028). */
    public long agentRefreshesSent() { return agents.refreshesSent(); }
    /** Agents' BYEs that ended a bridged customer call. */
    public long agentHangUps() { return agents.agentHangUps(); }
    /** Calls that ended unanswered with {@code outcome}. */
    public long failed(CallOutcome outcome) { return trunk.failed(outcome); }
}
