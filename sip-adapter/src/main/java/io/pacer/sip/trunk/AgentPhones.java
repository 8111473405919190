package io.pacer.sip.trunk;

import io.pacer.sip.media.RelayPort;

/**
 * The agent side as the trunk leg needs it: the relay port of an agent's session to bridge a customer to, and
 * the notices that tell the agent a customer call began or ended. Implemented by the agent leg; both run on the
 * SIP worker thread.
 */
public interface AgentPhones {

    /** The relay port of {@code agentId}'s session when it is up, else {@code null}. */
    RelayPort mediaOf(int agentId);

    /** The customer call {@code callId} to {@code number} is now bridged to {@code agentId}. */
    void connected(int agentId, long callId, String number);

    /** The customer call {@code callId} bridged to {@code agentId} has ended. */
    void disconnected(int agentId, long callId);
}
