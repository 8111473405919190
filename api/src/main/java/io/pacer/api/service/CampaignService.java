package io.pacer.api.service;

import io.pacer.engine.control.EngineControl;
import io.pacer.store.Storage;
import io.pacer.store.campaign.AgentOutcome;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CustomOutcome;
import java.util.List;

/**
 * A campaign's lifecycle as one workflow per operation: storage commits first, then the core is told (configure,
 * run, stop), so the core never runs a campaign that storage has not committed. The HTTP routes only translate
 * to these calls; anything else that drives campaigns (the launcher, a test) can use them the same way.
 */
public final class CampaignService {

    private final Storage storage;
    private final EngineControl engine;

    /** Campaign workflows over storage and the core's command surface. */
    public CampaignService(Storage storage, EngineControl engine) {
        this.storage = storage;
        this.engine = engine;
    }

    /** Stores a new campaign. */
    public Campaign create(Campaign campaign) {
        return storage.campaigns().create(campaign, storage.clock().epochMillis());
    }

    /** Every campaign. */
    public List<Campaign> list() {
        return storage.campaigns().list();
    }

    /** One campaign, or not found. */
    public Campaign get(long campaignId) {
        return storage.campaigns().get(campaignId);
    }

    /** Stores new settings; when this engine runs the campaign, the core dials with them from now on. */
    public Campaign update(long campaignId, Campaign edited) {
        Campaign updated = storage.campaigns().update(campaignId, edited);
        if (storage.engineId().equals(updated.lockOwner())) {
            engine.configure(storage.engineConfig(updated));
            // The responsibles may have changed: agents no longer named get none of its calls from now on.
            CampaignAgentsService.pushTo(storage, engine, campaignId);
        }
        return updated;
    }

    /** A copy under a new name, its list due again, with all that protects people (do-not-call, hours, retries). */
    public Campaign duplicate(long campaignId, String newName) {
        Campaign copy = storage.campaigns().duplicate(campaignId, newName, storage.clock().epochMillis());
        // The hopper checks numbers against memory: it must know the copied list before the copy can start.
        for (String number : storage.doNotCall().list(copy.id())) {
            storage.doNotCall().remember(copy.id(), number);
        }
        return copy;
    }

    /** Stops dialling, stops the hopper, then closes the campaign for good. */
    public Campaign markDone(long campaignId) {
        // Found first: an id past an int (2^32 + 1) must not reach the core, where it would name campaign 1.
        storage.campaigns().get(campaignId);
        engine.setRunning((int) campaignId, false);
        storage.refill().stop((int) campaignId);
        return storage.campaigns().markDone(campaignId);
    }

    /**
     * Takes the campaign's lock and fills its hopper, then hands its settings to the core and starts it; refused
     * first, with nothing changed, when its regime requires a message for abandoned calls that it lacks.
     */
    public Campaign start(long campaignId) {
        storage.campaigns().get(campaignId).requireStartable();
        Campaign campaign = storage.startCampaign(campaignId);
        engine.configure(storage.engineConfig(campaign));
        CampaignAgentsService.pushTo(storage, engine, campaign.id());
        engine.setRunning((int) campaign.id(), true);
        return campaign;
    }

    /** Stops the core dialling it, then stops its hopper and releases the lock. */
    public Campaign stop(long campaignId) {
        storage.campaigns().get(campaignId);
        engine.setRunning((int) campaignId, false);
        return storage.stopCampaign(campaignId);
    }

    /**
     * Clears a lock whoever holds it. When this engine holds it, the campaign is stopped first (the core stops
     * dialling it, its hopper goes back to the list), so no engine goes on dialling a campaign nobody owns.
     */
    public Campaign clearLock(long campaignId) {
        if (storage.engineId().equals(storage.campaigns().get(campaignId).lockOwner())) {
            engine.setRunning((int) campaignId, false);
            storage.stopCampaign(campaignId);
        }
        return storage.campaigns().clearLock(campaignId);
    }

    /** The campaign's custom outcomes. */
    public List<CustomOutcome> outcomes(long campaignId) {
        return storage.campaigns().outcomes(campaignId);
    }

    /** Adds a custom outcome. */
    public CustomOutcome addOutcome(long campaignId, String name, String resultGroup, AgentOutcome behaviour) {
        return storage.campaigns().addOutcome(campaignId, name, resultGroup, behaviour);
    }
}
