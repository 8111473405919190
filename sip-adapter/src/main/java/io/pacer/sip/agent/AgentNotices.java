package io.pacer.sip.agent;

import io.pacer.sip.stack.SipEndpoint;
import javax.sip.ClientTransaction;
import javax.sip.message.Request;

/**
 * What Pacer tells an agent's phone, as MESSAGEs inside its session: {@code connected <callId> <number>} and
 * {@code ended <callId>} when {@code notifyAgents} is set, and {@code preview <contactId> <number>} always (a
 * preview agent cannot work without it). Inside the session, so a notice follows the session's route and needs
 * no lookup. SIP worker thread only.
 */
final class AgentNotices {

    private final SipEndpoint sip;
    private final AgentDirectory directory;
    private final AgentStats stats;

    AgentNotices(SipEndpoint sip, AgentDirectory directory, AgentStats stats) {
        this.sip = sip;
        this.directory = directory;
        this.stats = stats;
    }

    void connected(int agentId, long callId, String number) {
        AgentSession s = directory.byId(agentId);
        if (s != null) {
            s.callId = callId;
            tellIfNotifying(s, "connected " + callId + " " + number);
        }
    }

    void disconnected(int agentId, long callId) {
        AgentSession s = directory.byId(agentId);
        if (s != null && s.callId == callId) {
            s.callId = -1;
            tellIfNotifying(s, "ended " + callId);
        }
    }

    void offerPreview(int agentId, long contactId, String number) {
        AgentSession s = directory.byId(agentId);
        if (s != null) {
            tell(s, "preview " + contactId + " " + number);
        }
    }

    private void tellIfNotifying(AgentSession s, String text) {
        if (sip.config.notifyAgents()) {
            tell(s, text);
        }
    }

    private void tell(AgentSession s, String text) {
        if (s.state != AgentSession.UP || s.dialog == null) {
            return;
        }
        try {
            Request message = s.dialog.createRequest(Request.MESSAGE);
            message.setContent(text, sip.textType);
            ClientTransaction ct = sip.provider.getNewClientTransaction(message);
            s.dialog.sendRequest(ct);
        } catch (Exception e) {
            stats.transportErrors++;
        }
    }
}
