package io.pacer.sip.stack;

/**
 * How Pacer watches the calls it keeps up and how it lets them go: the agent phone's liveness checks, the
 * RFC 4028 session interval it insists on, and the grace given to bridged calls at shutdown. The {@code sip.sessions}
 * section of the configuration; see {@code docs/operations.md}.
 *
 * @param agentKeepAliveMillis     interval of the in-dialog OPTIONS sent to each agent's nailed-up call; a phone
 *                                 that has not answered the previous one when the next is due, answers 408/481, or
 *                                 lets the transaction time out is dead. 0 switches the check off
 * @param agentRtpTimeoutMillis    an agent's session with no RTP from the phone for this long is dead (phones send
 *                                 media all through a nailed-up call). 0 switches the check off
 * @param minSessionExpiresSeconds the smallest session interval (RFC 4028 Min-SE) Pacer accepts in a refresh;
 *                                 a shorter one is answered 422 with this value. At least 90, the RFC's floor
 * @param shutdownGraceMillis      how long a graceful stop lets bridged calls finish before Pacer hangs them up
 */
public record SessionSettings(long agentKeepAliveMillis, long agentRtpTimeoutMillis, int minSessionExpiresSeconds,
                              long shutdownGraceMillis) {

    /**
     * The defaults: OPTIONS every 30 s, no RTP check (a phone with silence suppression sends nothing while the
     * nailed-up call waits between customers), Min-SE 90 s, 20 s of grace.
     */
    public static final SessionSettings DEFAULTS = new SessionSettings(30_000, 0, 90, 20_000);

    /** Validates the settings; the message names the setting at fault. */
    public SessionSettings {
        if (agentKeepAliveMillis < 0) {
            throw new IllegalArgumentException("sip.sessions.agentKeepAliveMillis: must not be negative, was "
                    + agentKeepAliveMillis);
        }
        if (agentRtpTimeoutMillis < 0) {
            throw new IllegalArgumentException("sip.sessions.agentRtpTimeoutMillis: must not be negative, was "
                    + agentRtpTimeoutMillis);
        }
        if (minSessionExpiresSeconds < 90) {
            throw new IllegalArgumentException("sip.sessions.minSessionExpiresSeconds: at least 90 (RFC 4028), was "
                    + minSessionExpiresSeconds);
        }
        if (shutdownGraceMillis < 0) {
            throw new IllegalArgumentException("sip.sessions.shutdownGraceMillis: must not be negative, was "
                    + shutdownGraceMillis);
        }
    }
}
