package io.pacer.sip.agent;

import io.pacer.sip.stack.SipConfig;
import java.util.Collection;
import java.util.HashMap;

/**
 * The configured agents' sessions, found by agent id, by SIP user name (registrations) or by the address their
 * phone sends from (requests outside a session). SIP worker thread only.
 */
final class AgentDirectory {

    private final HashMap<Integer, AgentSession> byId = new HashMap<>();
    private final HashMap<String, AgentSession> byUser = new HashMap<>();

    AgentDirectory(SipConfig config) {
        for (SipConfig.AgentConfig a : config.agents()) {
            AgentSession s = new AgentSession(a);
            byId.put(a.id(), s);
            byUser.put(a.username(), s);
        }
    }

    AgentSession byId(int agentId) {
        return byId.get(agentId);
    }

    AgentSession byUser(String username) {
        return byUser.get(username);
    }

    /** The agent whose phone sends from {@code source} ("address:port"), or {@code null}. */
    AgentSession bySource(String source) {
        for (AgentSession s : byId.values()) {
            if (source.equals(s.source)) {
                return s;
            }
        }
        return null;
    }

    Collection<AgentSession> all() {
        return byId.values();
    }

    int sessionsUp() {
        int up = 0;
        for (AgentSession s : byId.values()) {
            if (s.state == AgentSession.UP) {
                up++;
            }
        }
        return up;
    }
}
