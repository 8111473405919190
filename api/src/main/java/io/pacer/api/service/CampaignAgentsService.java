package io.pacer.api.service;

import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.Responsibles;
import io.pacer.engine.control.EngineControl;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;

/**
 * What the core must know of a campaign's agents, kept true: the timers on them, who may work it and how its
 * agents take customers who call back (blending). Stored
 * first, then, for campaigns this engine runs, handed to the core; again whenever something that decides who
 * is responsible changes (the campaign's responsibles, a group's members, a user disabled or deleted), so the
 * core's check at login, on every path an agent logs in by, is never behind storage.
 */
public final class CampaignAgentsService {

    private final Storage storage;
    private final EngineControl engine;

    /** Workflows over storage and the core's command surface. */
    public CampaignAgentsService(Storage storage, EngineControl engine) {
        this.storage = storage;
        this.engine = engine;
    }

    /** The campaign's timers on its agents. */
    public AgentRules rules(long campaignId) {
        return storage.campaignAgents().rules(campaignId);
    }

    /** Stores the campaign's timers on its agents; the core applies them to offers and wrap-ups from now on. */
    public AgentRules setRules(long campaignId, long previewTimeoutMillis, int maxMissedOffers, long wrapUpLimitMillis) {
        AgentRules rules = storage.campaignAgents().setRules(campaignId, previewTimeoutMillis, maxMissedOffers,
                wrapUpLimitMillis);
        push(campaignId);
        return rules;
    }

    /**
     * Stores the campaign's rules on its agents, built and checked by {@code build} (a field out of range is
     * refused naming it); the core applies them from now on.
     */
    public AgentRules setRules(long campaignId, java.util.function.Supplier<AgentRules> build) {
        AgentRules rules = storage.campaignAgents().setRules(campaignId, build);
        push(campaignId);
        return rules;
    }

    /** Whether the campaign files its unanswered calls as activities ("No answer"). */
    public boolean logsUnanswered(long campaignId) {
        return storage.callLogging().logsUnanswered(campaignId);
    }

    /** Turns the filing of the campaign's unanswered calls on or off; the journal follows from its next batch. */
    public boolean setLogsUnanswered(long campaignId, boolean log) {
        return storage.callLogging().setLogsUnanswered(campaignId, log);
    }

    /** How the campaign takes customers who call back (blending). */
    public io.pacer.store.campaign.CampaignInbound.Settings inbound(long campaignId) {
        return storage.inbound().settings(campaignId);
    }

    /** Stores how the campaign takes customers who call back; the core routes their calls by it from now on. */
    public io.pacer.store.campaign.CampaignInbound.Settings setInbound(long campaignId,
            io.pacer.store.campaign.CampaignInbound.Settings settings) {
        io.pacer.store.campaign.CampaignInbound.Settings stored = storage.inbound().set(campaignId, settings);
        push(campaignId);
        return stored;
    }

    /** Hands the campaign's rules and responsibles to the core, when this engine runs it. */
    public void push(long campaignId) {
        Campaign campaign = storage.campaigns().get(campaignId);
        if (storage.engineId().equals(campaign.lockOwner())) {
            pushTo(storage, engine, campaignId);
        }
    }

    /** Hands every campaign this engine runs its rules and responsibles again (membership changed). */
    public void pushAll() {
        for (Campaign campaign : storage.campaigns().lockedBy(storage.engineId())) {
            pushTo(storage, engine, campaign.id());
        }
    }

    /**
     * Hands one campaign's rules and responsibles to {@code engine}; for the composition root, which does this
     * for every campaign it resumes before any agent can log in.
     */
    public static void pushTo(Storage storage, EngineControl engine, long campaignId) {
        int id = (int) campaignId;
        engine.agentRules(id, storage.campaignAgents().rules(campaignId));
        engine.inboundRules(id, storage.inbound().rules(campaignId));
        engine.responsibles(id, Responsibles.only(storage.campaignAgents().responsibleUserIds(campaignId)));
    }
}
