package io.pacer.sip.agent;

/**
 * Counters of the agent leg, written by the SIP worker thread only (hence package-private writes) and read by
 * anyone through {@link io.pacer.sip.SipStats}. Volatile plain fields: a reader may see a count one event late,
 * never a torn one, and the single writer needs no atomic increment.
 */
public final class AgentStats {
    volatile long registrations;
    volatile long logins;
    volatile long logouts;
    volatile long refusedRegistrations;
    volatile long transportErrors;
    volatile int sessionsUp;
    volatile long deadPhones;
    volatile long agentHangUps;
    volatile long refreshesSent;

    /** Successful agent registrations. */
    public long registrations() { return registrations; }
    /** Agent sessions set up. */
    public long logins() { return logins; }
    /** Agent sessions ended. */
    public long logouts() { return logouts; }
    /** REGISTERs refused: an unknown user, or credentials that fail the digest. */
    public long refusedRegistrations() { return refusedRegistrations; }
    /** Sends towards agent phones that failed in the transport. */
    public long transportErrors() { return transportErrors; }
    /** Sessions ended because the phone stopped answering OPTIONS or sending RTP. */
    public long deadPhones() { return deadPhones; }
    /** Agents' BYEs that ended a bridged customer call with the session. */
    public long agentHangUps() { return agentHangUps; }
    /** Session refreshes (re-INVITE) Pacer sent to phones as the refresher (RFC 4028). */
    public long refreshesSent() { return refreshesSent; }
    /** Agents whose nailed-up session is up. */
    public int sessionsUp() { return sessionsUp; }
}
