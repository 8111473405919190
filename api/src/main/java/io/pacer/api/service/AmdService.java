package io.pacer.api.service;

import io.pacer.engine.campaign.AmdSettings;
import io.pacer.engine.control.EngineControl;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;

/**
 * A campaign's answering-machine detection settings: storage commits first, then, when this engine runs the
 * campaign, the core (and through it the SIP adapter) analyses its next calls with them.
 */
public final class AmdService {

    private final Storage storage;
    private final EngineControl engine;

    /** The workflow over storage and the core's command surface. */
    public AmdService(Storage storage, EngineControl engine) {
        this.storage = storage;
        this.engine = engine;
    }

    /** The campaign's settings (off when it never set them); not found when there is no such campaign. */
    public AmdSettings get(long campaignId) {
        return storage.amd().get(campaignId);
    }

    /** Stores new settings; a running campaign's next answers are analysed (or not) accordingly. */
    public AmdSettings update(long campaignId, AmdSettings settings) {
        AmdSettings stored = storage.amd().put(campaignId, settings);
        Campaign campaign = storage.campaigns().get(campaignId);
        if (storage.engineId().equals(campaign.lockOwner())) {
            engine.configure(storage.engineConfig(campaign));
        }
        return stored;
    }
}
