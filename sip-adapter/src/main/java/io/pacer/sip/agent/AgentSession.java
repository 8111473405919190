package io.pacer.sip.agent;

import io.pacer.sip.stack.SipConfig;
import io.pacer.sip.media.RelayPort;
import io.pacer.sip.media.Sdp;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.address.URI;

/**
 * One agent's phone as the adapter sees it: registration, the nailed-up call and its relay port. Owned by the SIP
 * worker thread. Public only as a type: the worker recognises an agent's dialog and source by it; its state is the
 * agent package's.
 */
public final class AgentSession {
    static final int IDLE = 0;
    static final int CONNECTING = 1;
    static final int UP = 2;

    final SipConfig.AgentConfig config;
    int state = IDLE;
    URI contact;
    String source;
    String transport = "udp";
    Dialog dialog;
    ClientTransaction invite;
    RelayPort media;
    long callId = -1;
    /** The campaign the engine hears of when the session comes up: the configured one, or what the API asked for. */
    int campaignId;
    long sdpVersion = 1;
    /** The o= line's session id: its own, so that a far end never takes a reused relay port for the same session. */
    final long sdpSessionId = Sdp.newSessionId();
    /** When the session came up: the start of its RTP silence until the phone's first packet. */
    long upNanos;
    /** The keep-alive OPTIONS still waiting for its answer, or {@code null}. */
    ClientTransaction keepAlive;
    /** When the last keep-alive OPTIONS went out (or the session came up). */
    long keepAliveSentNanos;
    /** The RFC 4028 session interval in force, or 0 when the session has no timer. */
    int sessionSeconds;
    /** Pacer refreshes the session; otherwise the phone does. */
    boolean pacerRefreshes;
    /** When Pacer's refresh is due, or (phone refreshes) when the session is given up without one. */
    long sessionDueNanos;

    AgentSession(SipConfig.AgentConfig config) {
        this.config = config;
        this.campaignId = config.campaignId();
        if (config.fixedHost() != null) {
            source = config.fixedHost() + ":" + config.fixedPort();
        }
    }
}
