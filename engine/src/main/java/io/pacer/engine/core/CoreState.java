package io.pacer.engine.core;

import io.pacer.engine.agent.AgentDay;
import io.pacer.engine.agent.AgentTable;
import io.pacer.engine.call.CallTable;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.port.AgentSessions;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.Clock;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import io.pacer.engine.port.Timers;

/**
 * What every part of the core shares: the agent and call tables, the running campaigns, the ports, and the
 * time of the event being handled. Owned by the core's thread, like the parts; plain fields rather than
 * accessors, because the parts are its only readers and sit in the same package. Allocated once, at start.
 */
final class CoreState {
    final Clock clock;
    final Timers timers;
    final Telephony telephony;
    final ContactSupply contacts;
    final CallJournal journal;
    final AgentTable agents;
    /** Each agent's calls, talk and wrap-up today, and why it was last logged out. */
    final AgentDay agentDay;
    final CallTable calls;
    final CampaignRuntime[] campaigns;
    /** Reused for every contact taken from the supply, so that taking one allocates nothing. */
    final ContactSlot slot = new ContactSlot();
    /** Told when an agent's logout takes effect, so that its phone session ends. */
    AgentSessions sessions = AgentSessions.NONE;
    /** Engine-clock time of the event being handled, read once per event so every part agrees on it. */
    long nowNanos;

    CoreState(EngineLimits limits, Clock clock, Timers timers, Telephony telephony, ContactSupply contacts,
              CallJournal journal) {
        this.clock = clock;
        this.timers = timers;
        this.telephony = telephony;
        this.contacts = contacts;
        this.journal = journal;
        this.agents = new AgentTable(limits.maxAgents());
        this.agentDay = new AgentDay(limits.maxAgents());
        // Today's end is found now, at start, so the per-event path does not allocate it.
        agentDay.zone(java.time.ZoneId.systemDefault(), clock.epochMillis());
        this.calls = new CallTable(limits.maxCalls());
        this.campaigns = new CampaignRuntime[limits.maxCampaigns()];
    }

    /** The campaign with this id, or {@code null} when the id is out of range or unused. */
    CampaignRuntime campaign(int campaignId) {
        return campaignId > 0 && campaignId < campaigns.length ? campaigns[campaignId] : null;
    }

    /** The campaign of a live call. */
    CampaignRuntime campaignOfCall(long callId) {
        return campaigns[calls.campaign(callId)];
    }

    /** The campaign of a logged-in agent. */
    CampaignRuntime campaignOfAgent(int agentId) {
        return campaigns[agents.campaign(agentId)];
    }
}
